"""Actor -relation-> actor triples from the dependency parse.

An event head is a verb (lemma + particle + preposition) or an event noun
("the ousting of", "support for", "military actions against"), looked up in
seeds/lexicon/cues.json. Its arguments come from the parse: subject (or the
agent of a passive), object (direct object, a preposition's object, or the
object of the clause a control verb governs), with conjoined actors each
getting a triple. Ties ("its ally", "led by", "member of") come from tie nouns
and participles. Every triple says which rule and cue produced it.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import queue
import re
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from graphbuild.errors import GraphbuildError
from graphbuild.gazetteer import Gazetteer
from graphbuild.mentions import (
    BORDERS,
    MAKING,
    ArticleMemory,
    MentionFinder,
    Ref,
    SentenceMentions,
    entity_index,
)
from graphbuild.nlp import load_model, model_name, read_lexicon
from graphbuild.records import Actor, Article, Mention, Sentence, Triple
from graphbuild.relations import RELATIONS
from graphbuild.sentences import chunks, sentences, spacy_safe

SUBJ = ("nsubj", "nsubjpass", "csubj")
# actors that act for their state (a government's act on an unplaced name is domestic)
STATE_BOUND = {"STATE", "GOVERNMENT", "MILITARY", "PERSON"}
LOCATIVE = {"in", "inside", "within", "across", "throughout", "near", "around"}
# acts done to the place they are done in: "imposed a curfew in Basra", "attacked villages in Darfur"
DONE_IN_PLACE = {"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "CONCEDE", "RETREAT", "AID"}
# acts whose place, when it is a capital, is the government's: "bombed Damascus", "protests in Baku"
CAPITAL_PARTIES = DONE_IN_PLACE | {"PROTEST"}
GOVERNING = {"COERCE", "REQUEST", "CONCEDE", "AGREE", "AID", "SUPPORT", "RETREAT"}
CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp"}
# prepositions that introduce the other party of an event, most specific first
OBJECT_PREPS = ("against", "on", "with", "to", "into", "toward", "towards", "upon", "at", "for",
                "from", "over", "of", "in", "inside")
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "allow", "let", "permit", "persuade", "help",
                  "invite", "encourage", "press", "push", "compel", "pressure", "tell", "forbid",
                  "instruct", "require", "warn", "prevent", "appeal", "prompt", "spur", "drive",
                  "provoke", "lead"}
# acts whose 'for' phrase is their purpose, not the deed of the one acted on: "visited
# Moscow for talks", "sent aid for the reconstruction", "signed a deal for arms"
PURPOSED = ("CONSULT", "AID", "AGREE", "COOPERATE", "MOBILIZE")
# verbs whose negation leaves their clause open: "did not confirm that it had struck X"
CONFIRMING = {"confirm", "acknowledge", "admit"}
# relations that take a side rather than act on someone
STANCES = ("REJECT", "SUPPORT", "AGREE")
INTENT_ADJ = {"ready", "prepared", "willing"}
COMMITMENTS = {"vow", "swear", "pledge", "promise", "commit", "insist"}
INTENT_VERBS = {"plan", "intend", "vow", "pledge", "promise", "swear", "going"}
FUTURE = {"will", "would", "shall", "'ll", "wo"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
SUBJECT_INSIDE = frozenset({"of", "from", "among", "within"})
OBJECT_INSIDE = frozenset({"of", "for", "from", "among", "within", "to", "by", "with", "against", "on",
                           "into"})
# the phrases naming what another event is done to: "an inquiry into the killing of X" is no act on X
INNER_PATIENT = frozenset({"of", "into"})
# what undoing an event noun amounts to: "lifted the curfew", "halted aid"
UNDONE = {"COERCE": "CONCEDE", "SANCTION": "CONCEDE", "PROTEST": "CONCEDE", "THREATEN": "CONCEDE",
          "AID": "SANCTION", "CONSULT": "SANCTION", "COOPERATE": "SANCTION", "AGREE": "REJECT",
          "SUPPORT": "SANCTION", "REJECT": "CONCEDE"}  # ("dropped its veto on X": gives way)
# hostile acts whose winding down is a de-escalation toward their target: "suspended attacks on X"
ESCALATION = {"ASSAULT", "MOBILIZE"}
# verbs whose own relation beats the event noun they govern: "demanded a meeting"
ORGANISATIONS = {"NGO", "IGO", "ARMED_GROUP", "POLITICAL_PARTY", "MEDIA", "GOVERNMENT", "MILITARY",
                 "COALITION"}
TIE_VERBS = {"lead", "head", "command", "rule", "govern", "join", "found", "chair", "belong"}
VERB_WINS = {"REQUEST", "REJECT", "ACCUSE", "SUPPORT", "THREATEN"}
# verbs aimed at an act are aimed at its author: "condemned Israel's strikes", "protested the occupation by X"
AUTHOR_TARGETED = {"ACCUSE", "REJECT", "PROTEST"}
# kinds of actor that take over captives for the other side: no party of a release
GO_BETWEEN_KINDS = {"NGO", "IGO"}
# prepositions of circumstance, never introducing the other party
CIRCUMSTANCE = {"according", "despite", "after", "before", "during", "following", "since", "until", "amid",
                "amidst", "like", "unlike", "besides", "as", "alongside"}
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# particles the parser tags as prepositions, carrying the real one: "pulled X out of Y"
PARTICLE_PREPS = {"out", "away", "back", "off"}
# who can be called on the phone: "called the Iranian president", not "called elections"
CALLED_KINDS = {"PERSON", "STATE", "GOVERNMENT"}
# "despite / under pressure from X": the clause's subject is pressed
PRESSED_UNDER = {"under", "despite", "amid"}
# "said after talks with X": the clause's agent held the talks (not "before": they may not happen)
AFTER_TALKS = {"after", "during", "following", "amid"}
# what a joint act is about, never a party to it: "cooperate on Gaza", "clashed over Kirkuk"
TOPIC_PREPS = {"on", "over", "about", "regarding"}
ADVERB_PARTICLES = {"down", "up", "out", "off", "back", "away"}


def infinitive(word: Token) -> bool:
    """A 'to' infinitive: "called Trump to demand", "led Hezbollah to retaliate"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in word.children)


def several(refs: Sequence[Ref]) -> bool:
    """Two or more actors named apart ("Egypt and Qatar"), not one phrase naming a person
    and the body he serves ("UN envoy Hans Grundberg")."""
    return len(refs) > 1 and not any(a.start <= b.start < a.end and (a.actor.kind == "PERSON") != (b.actor.kind == "PERSON")
                                     for a in refs for b in refs if a is not b)


def prep_objects_of(prep: Token) -> list[Token]:
    """A preposition's objects. When the parser stranded it and made its object the
    subject of the next clause ("granted asylum to five officers holed up in ..."),
    that subject."""
    found = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if found or prep.dep_ == "dative" and not prep.children:
        return found
    doc = prep.doc
    return [t for t in doc[prep.i + 1:min(prep.i + 8, len(doc))]
            if t.left_edge.i == prep.i + 1 and t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i][:1]


def gerund_event(word: Token) -> bool:
    """'Fighting between X and Y escalated': a gerund with a 'between' pair and no subject
    of its own names an event, as a noun would."""
    return word.tag_ == "VBG" and word.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
        c.dep_ == "prep" and c.lower_ == "between" for c in word.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in word.children)


def left_open(word: Token) -> bool:
    """'denied' in 'neither confirmed nor denied' or 'did not confirm or deny', and a
    denial itself negated ('did not deny'): no answer given."""
    if any(c.dep_ == "neg" for c in word.children):
        return True
    return word.dep_ == "conj" and (
        any(c.dep_ == "preconj" and c.lower_ in ("neither", "either") for c in word.head.children)
        or any(c.dep_ == "neg" for c in word.head.children))


def particles(verb: Token) -> list[str]:
    """A verb's particles, also when the parser made one an adverb ("stepped down")."""
    return [c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in ADVERB_PARTICLES)]


def verb_preps(verb: Token) -> list[tuple[Token, str]]:
    """A verb's prepositions with the words they add to its cue: 'from', and
    'out of' when the parser hung 'of' on the particle 'out'."""
    out: list[tuple[Token, str]] = []
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in PARTICLE_PREPS:
            out.extend((sub, f"{prep.lower_} {sub.lower_}") for sub in prep.children if sub.dep_ == "prep")
        if prep.lower_ == "on" and any(o.ent_type_ in ("DATE", "TIME") for o in prep_objects_of(prep)):
            continue  # "called Putin on Tuesday" is a call made on a day, not "call on"
        out.append((prep, prep.lower_))
    return out


@dataclass(frozen=True)
class Cue:
    words: str
    relation: str
    pos: str  # verb | noun | tie
    note: str


class Cues:
    """seeds/lexicon/cues.json, indexed by part of speech and words."""

    def __init__(self) -> None:
        data = read_lexicon("cues.json")
        self.verb: dict[str, Cue] = {}
        self.noun: dict[str, Cue] = {}
        self.tie: dict[str, Cue] = {}
        for entry in data["cues"]:
            if entry["relation"] not in RELATIONS:
                continue
            cue = Cue(entry["cue"], entry["relation"], entry["pos"], entry.get("note", ""))
            table = {"verb": self.verb, "noun": self.noun, "tie": self.tie}[entry["pos"]]
            table.setdefault(entry["cue"], cue)


@dataclass
class Found:
    subject: Ref
    relation: str
    obj: Ref
    predicate: str
    evidence: str
    confidence: float
    negated: bool
    hedged: bool
    historical: bool = False  # a tie told as past ("former President X"); events are dated per sentence


class Extractor:
    """Article -> triples. One instance holds the model and the compiled matchers."""

    def __init__(self, gazetteer: Gazetteer, model: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.model = model_name(model)
        self.nlp = load_model(self.model)
        self.finder = MentionFinder(gazetteer, self.nlp)
        self.cues = Cues()
        lex = self.finder.lex
        self.speech = lex.words("speech_verbs")
        self.light = lex.words("light_verbs")
        self.counting = lex.words("counting_nouns")
        self.rule_nouns = lex.words("rule_nouns")
        self.exchange = lex.words("exchange_nouns")
        self.keeping_open = lex.words("keeping_open")
        self.blaming = lex.words("blaming_participles")
        self.membership = lex.words("membership_verbs")
        self.governing = lex.words("governing_verbs")
        self.hedge_control = lex.words("hedge_control")
        self.plain_control = lex.words("plain_control")
        self.negating = lex.words("negating_control")
        self.modals = lex.words("hedge_words", "modals")
        self.hedge_adverbs = lex.words("hedge_words", "adverbs")
        self.hedge_adjectives = lex.words("hedge_words", "adjectives")
        self.conditions = lex.words("hedge_words", "conditions")
        self.hedge_determiners = lex.words("hedge_words", "determiners")
        self.negations = lex.words("negation_words")
        self.mutual = lex.words("mutual_events")
        self.containers = lex.words("containers")
        self.reversal = lex.words("reversal_verbs")
        self.labels = lex.words("label_verbs")
        self.theme = lex.words("theme_verbs")
        self.coercion_in_place = lex.words("coercion_in_place")
        self.non_agentive = lex.words("non_agentive")
        self.forces = lex.words("forces")
        self.frames = lex.words("event_frames")
        self.conduct = lex.words("conduct_nouns")
        self.participation = lex.words("participation_verbs")
        self.units = lex.words("military_units")
        self.populations = lex.words("populations")
        self.place_nouns = lex.words("place_nouns")
        self.arrivals = lex.words("arrival_verbs")
        self.holding = lex.words("holding_participles")
        self.behest = lex.words("behest_nouns")
        self.list_nouns = lex.words("list_nouns")
        self.leaving_office = lex.words("leaving_office")
        self.titles = lex.words("titles")
        self.efforts = lex.words("effort_nouns")
        self.involvement = lex.words("involvement_nouns")
        self.authored = lex.words("authoring_participles")
        self.complaints = lex.words("complaint_verbs")
        self.obligations = lex.words("obligation_nouns")
        self.frameworks = lex.words("framework_nouns")
        self.launching = lex.words("launching_verbs")
        self.departing = lex.words("departure_verbs")
        self.installing = lex.words("installing_verbs")
        self.exploding = lex.words("exploding_verbs")
        self.out_of_office = lex.words("out_of_office_modifiers") | lex.words("past_title_modifiers")
        self.stance_heads = lex.words("stance_heads")
        self.commands = lex.words("command_verbs")
        self.happenings = lex.words("happening_nouns")
        self.adjective_hedges = lex.words("adjective_hedges")
        self.answers = lex.words("answer_nouns")
        self.reasons = lex.words("reason_nouns")
        self.receiving = lex.words("receiving_verbs")
        self.reliance = lex.words("reliance_verbs")
        self.having = lex.words("having_verbs")
        self.losing = lex.words("losing_verbs")
        self.claims = lex.words("claim_nouns")
        self.envoys = lex.words("envoy_nouns")
        self.borders = BORDERS  # the mention finder's own word classes
        self.disputing = lex.words("disputing_verbs")
        self.handed_over = lex.words("handed_over_nouns")
        self.making = MAKING
        self.undergoing = lex.words("undergoing_verbs")
        self.pressing = lex.words("pressing_nouns")
        self.member_verbs = lex.words("member_verbs")
        self.member_titles = lex.words("member_titles")
        self.neutral_title = lex.words("neutral_title_modifiers")
        self.comment_nouns = lex.words("comment_nouns")
        self.violating = lex.words("violating_verbs")
        self.unlawful = lex.words("unlawful_adjectives")
        self.defying = lex.words("defying_verbs")
        self.dissuasion = lex.words("dissuasion_verbs")
        self.decline = lex.words("decline_verbs")
        self.object_as = lex.words("object_as_verbs")
        self.ruling = lex.words("ruling_adjectives")
        self.joint = lex.words("joint_adjectives")
        self.deescalation = lex.words("deescalation_verbs")
        self.responses = lex.words("response_verbs")
        self.giving = lex.words("giving_verbs")
        self.agent_nouns = lex.words("agent_nouns")
        self.deescalation_nouns = lex.words("deescalation_nouns")
        self.refusing = lex.words("refusing_verbs")
        self.responsibility = lex.words("responsibility_nouns")
        self.arms = lex.words("arms_nouns")
        # things whose giver, when got ('received ... from X'), aids the getter
        self.gettable = self.arms | lex.words("money_nouns") | lex.words("goods_nouns")
        self.helping_things = self.gettable | lex.words("sendable_nouns") | self.forces | self.units
        self.avenging = lex.words("avenging_verbs")
        self.warning = lex.words("warning_verbs")
        self.arms_bound = lex.words("arms_bound_cues")
        self.acquiring = lex.words("acquiring_verbs")
        self.posts = lex.words("diplomatic_posts")
        self.brokering = lex.words("brokering_participles")
        self.event_anaphors = lex.words("event_anaphors")
        self.accusations = lex.words("accusation_nouns")
        self.singular_events = lex.words("singular_event_nouns")
        self.beyond_nation = lex.words("beyond_nation_modifiers")
        self.leading_titles = lex.words("leading_titles")
        self.state_head_titles = lex.words("state_head_titles")
        self.past_titles = lex.words("past_title_modifiers")
        self.honorifics = lex.words("honorifics")
        self.crimes = lex.words("crime_nouns")
        self.civilians = lex.words("civilian_nouns")
        self.uprooted = lex.words("uprooted_adjectives")
        self.goods_bound = lex.words("goods_bound_cues")
        self.killing = lex.words("killing_nouns")
        self.moving = lex.words("moving_verbs")
        self.subordinate = lex.words("subordinate_modifiers")
        self.whole_body_units = lex.words("whole_body_units")
        self.own_posts = lex.words("own_posts")
        self.topic_verbs = lex.words("topic_verbs")
        self.performing = lex.words("performing_verbs")
        self.directing = lex.words("directing_verbs")
        self.wielding = lex.words("wielding_verbs")
        self.intercepting = lex.words("intercepting_verbs")
        self.proposals = lex.words("proposal_nouns")

    # -- public API ----------------------------------------------------------
    def extract(self, article: Article) -> list[Triple]:
        for _article, triples in self.extract_many([article]):
            return triples
        return []

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = 64, n_process: int = 1
    ) -> Iterator[tuple[Article, list[Triple]]]:
        """(article, triples) in input order, parsing with nlp.pipe in batches.

        With n_process > 1, worker processes each build their own Extractor once
        and run the whole extraction on small chunks of articles (see
        _extract_in_workers); the results are the same as with one process.
        """
        if n_process > 1:
            yield from _extract_in_workers(self, articles, batch_size, n_process)
            return
        pending: dict[int, Article] = {}

        def texts() -> Iterator[tuple[str, tuple[int, int, int, int]]]:
            for seq, article in enumerate(articles):
                pending[seq] = article
                pieces = list(chunks(article.text))
                for number, (offset, piece) in enumerate(pieces):
                    yield spacy_safe(piece), (seq, number, len(pieces), offset)

        docs: list[tuple[int, Doc]] = []
        for doc, (seq, number, total, offset) in self.nlp.pipe(
            texts(), as_tuples=True, batch_size=batch_size
        ):
            docs.append((offset, doc))
            if number == total - 1:
                article = pending.pop(seq)
                yield article, self._article_triples(article, docs)
                docs = []

    def mentions(self, article: Article) -> list[tuple[Sentence, list[Mention]]]:
        """The resolved actor mentions of each sentence (for inspection and tests)."""
        docs = [(offset, self.nlp(spacy_safe(piece))) for offset, piece in chunks(article.text)]
        return [(sentence, found.mentions()) for sentence, _span, found, _e in
                self._sentences(article, docs)]

    # -- per article ---------------------------------------------------------
    def _sentences(self, article: Article, docs: list[tuple[int, Doc]]
                   ) -> Iterator[tuple[Sentence, Span, SentenceMentions, dict[int, Span]]]:
        memory = ArticleMemory()  # antecedents carry over from chunk to chunk
        index = 0
        for offset, doc in docs:
            matches = self.finder.gazetteer_spans(doc)
            ents = entity_index(doc)
            demonyms = self.finder.demonym_spans(doc)
            original = article.text[offset:offset + len(doc.text)]
            for sentence, span in sentences(doc, offset, index, original):
                index = sentence.index + 1
                if len(span) > 400:
                    continue  # a run-on "sentence" of list debris: no reliable parse
                found = SentenceMentions(self.finder, span, matches, memory, sentence.index,
                                         ents, demonyms)
                yield sentence, span, found, ents

    def _article_triples(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Triple]:
        out: list[Triple] = []
        for sentence, span, mentions, ents in self._sentences(article, docs):
            found = _SentenceRules(self, span, mentions).run()
            out.extend(self._triples(article, sentence, span, found, ents))
        return out

    def _triples(self, article: Article, sentence: Sentence, span: Span,
                 found: list[Found], ents: dict[int, Span]) -> list[Triple]:
        if not found:
            return []
        historical = self._historical(article, span, ents)
        best: dict[tuple[str, str, str], Found] = {}
        for f in found:
            if f.subject.actor.id == f.obj.actor.id:
                continue
            key = (f.subject.actor.id, f.relation, f.obj.actor.id)
            if RELATIONS[f.relation].symmetric:
                key = tuple(sorted((f.subject.actor.id, f.obj.actor.id))) + (f.relation,)  # type: ignore[assignment]
            if key not in best or f.confidence > best[key].confidence:
                best[key] = f
        for (s, relation, o), f in list(best.items()):
            if relation == "LEADS" and (s, "MEMBER_OF", o) in best:
                # "its commander Fuad Shukr": one of its commanders or its head? the gazetteer
                # says when it knows; else the sure one, a member
                heads = self.gazetteer.headed(f.subject.actor)
                del best[(s, "MEMBER_OF", o) if heads is not None and heads.id == o else (s, relation, o)]
        triples = []
        for f in best.values():
            rel = RELATIONS[f.relation]
            triples.append(Triple(
                article=article, sentence=sentence, subject=f.subject.actor,
                subject_text=f.subject.text, relation=f.relation, predicate=f.predicate,
                object=f.obj.actor, object_text=f.obj.text, score=rel.score, negated=f.negated,
                hedged=f.hedged, historical=(historical and rel.family == "event") or f.historical,
                confidence=round(f.confidence, 3), evidence=f.evidence))
        return triples

    @staticmethod
    def _historical(article: Article, span: Span, ents: dict[int, Span]) -> bool:
        """Dated background: a past year in the sentence and a past-tense verb."""
        dates = {ents[t.i] for t in span if t.i in ents and ents[t.i].label_ == "DATE"}
        years = [int(y) for ent in dates for y in YEAR.findall(ent.text)]
        if not years:
            return False
        now = int(article.published[:4]) if article.published and article.published[:4].isdigit() \
            else None
        past_verb = span.root.tag_ in ("VBD", "VBN")
        return past_verb and (now is None or min(years) < now)


class _SentenceRules:
    """The rules applied to one parsed sentence."""

    def __init__(self, ex: Extractor, span: Span, mentions: SentenceMentions) -> None:
        self.ex = ex
        self.span = span
        self.m = mentions
        self.found: list[Found] = []
        self.consumed: set[int] = set()
        self.events: set[int] = set()  # event nouns that produced a triple
        self._noun_cues: dict[int, Cue | None] = {}
        self._states: set[str | None] | None = None

    def run(self) -> list[Found]:
        for token in self.span:
            if token.i in self.consumed:
                continue
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                self.verb(token)
            elif token.pos_ == "ADJ":
                self.adjective(token)
        for token in self.span:
            nominal = token.pos_ in ("NOUN", "PROPN") or (
                token.pos_ == "ADJ" and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")) or gerund_event(token)
            if nominal and token.i not in self.consumed:
                self.nominal(token)
            # ("Hezbollah's secretary-general, X": the parser may tag 'general' an adjective)
            if (token.pos_ in ("NOUN", "PROPN") or (nominal and token.pos_ == "ADJ")) and token.i not in self.events:
                self.tie_noun(token)
                self.stance_noun(token)
                self.ruling_noun(token)
        return self.found

    # -- arguments -------------------------------------------------------------
    def actors(self, token: Token | None, deep: bool = True, role: str = "obj") -> list[Ref]:
        """Actors named by the phrase headed by `token` and its conjuncts. A
        generic head is looked into: any object phrase ("the computers of X"),
        but for a subject only a container ("leaders of X", "thousands of Y")."""
        if token is None:
            return []
        out: list[Ref] = []
        members = [token, *token.conjuncts]
        # "Saudi Arabia, Russia, and Israel" parsed as an apposition with conjuncts: a list
        members += [x for t in list(members) for a in t.children if a.dep_ == "appos" and a.conjuncts
                    and t.pos_ == "PROPN" for x in (a, *a.conjuncts)]
        # "Hezbollah in Lebanon, the Houthis in Yemen and militias in Iraq": a list of 'X in
        # <place>' the parser hung on the first place
        members += [x for t in list(members) for x in self.listed_by_place(t)]
        for t in members:
            if not (self.span.start <= t.i < self.span.end):
                continue
            refs = self.named_not_event(t)
            if (not refs or all(r.how == "group" for r in refs)) and (listed := self.listed_including(t)):
                refs = listed  # "Iran's proxies, including Hezbollah and the Houthis": those named
            if not refs:
                refs = self.event_anaphor(t) or self.listed_after_dash(t)
            if not refs and deep and (role == "obj" or (
                    not self.noun_cue(t) and (t.lemma_.lower() in self.ex.containers or t.pos_ == "NUM"))):
                refs = self.descend(t, 2, SUBJECT_INSIDE if role == "subj" else OBJECT_INSIDE)
            if not refs and deep and role == "subj" and not self.noun_cue(t):
                refs = self.held_by(t)  # "The initiative, proposed by Saudi Arabia, offered ..."
            out.extend(r for r in refs if all(r.actor.id != o.actor.id for o in out))
        # "Saudi Arabia, Russia, and Israel": the parser may hang the list on a word inside a name
        for r in list(out):
            for inner in self.m.doc[r.start:r.end]:
                if inner.i == token.i:
                    continue
                for c in inner.conjuncts:
                    if c.i >= r.end and self.span.start <= c.i < self.span.end:
                        out.extend(x for x in self.m.resolve(c) if all(x.actor.id != o.actor.id for o in out))
        return out

    def listed_including(self, noun: Token) -> list[Ref]:
        """The actors a plural noun lists after 'including' or 'such as', by name."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return []
        heads = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("including", "as") and (
            p.lower_ == "including" or any(a.lower_ == "such" for a in p.lefts) or p.nbor(-1).lower_ == "such")
            for o in prep_objects_of(p)]
        # ("including Hezbollah in Lebanon, the Houthis in Yemen": the list hung on the place)
        return [r for o in heads for t in (o, *o.conjuncts, *self.listed_by_place(o)) for r in self.m.resolve(t)
                if r.how in ("name", "alias")]

    @staticmethod
    def listed_by_place(token: Token) -> list[Token]:
        """'Hezbollah in Lebanon, the Houthis in Yemen and militias in Iraq': the items of a
        list of 'X in <place>' the parser hung on the first place."""
        return [x for p in token.children if p.dep_ == "prep" and p.lower_ in ("in", "from")
                for place in prep_objects_of(p) for a in place.children if a.dep_ in ("appos", "conj")
                and any(q.dep_ == "prep" and q.lower_ == p.lower_ for q in a.children)
                for x in (a, *a.conjuncts)]

    def named_not_event(self, t: Token) -> list[Ref]:
        """The actors `t` names, unless it is an event noun named only by its modifier:
        "the Syrian civil war" is an event, not Syria; "the Israeli occupation" is
        Israel's, and "NATO troops" are NATO's ("troops" is an event word: "sent troops")."""
        refs = self.m.resolve(t)
        if refs and self.noun_cue(t) and all(r.how in ("demonym", "modifier") for r in refs) \
                and t.lemma_.lower() not in self.ex.conduct and t.lemma_.lower() not in self.ex.units \
                and t.lemma_.lower() not in self.ex.agent_nouns \
                and t.lemma_.lower() not in self.ex.handed_over:  # "Egyptian mediators" are Egypt's
            return []  # ("Israeli hostages" released are Israelis)
        return refs

    def event_anaphor(self, noun: Token) -> list[Ref]:
        """'the intervention was backed by X': a bare definite event noun stands for
        the agents of the same event named in an earlier sentence of the article."""
        cue = self.noun_cue(noun)
        # "opposed the move" (what 'the move' itself does is no act of its maker's on anyone)
        generic = noun.lemma_.lower() in self.ex.event_anaphors and noun.dep_ not in SUBJ
        if noun.pos_ != "NOUN" or not (cue or generic):
            return []
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in noun.children):
            return []
        # ("denounced the raid as a massacre": a label names no party)
        if any(c.dep_ in ("poss", "compound", "nmod", "acl", "relcl") or (c.dep_ == "prep" and c.lower_ != "as")
               for c in noun.children):
            return []  # "the attack on X", "Iran's attack": the phrase names its own parties
        if cue is None:
            agents = self.m.memory.last_event_agents(self.m.index)
        else:
            agents = self.m.memory.event_agents(noun.lemma_.lower(), self.m.index, cue.relation)
        text = self.m.doc[noun.left_edge.i:noun.i + 1].text
        return [Ref(a, noun.left_edge.i, noun.i + 1, text, "event", 0.6) for a in agents]

    def listed_after_dash(self, noun: Token) -> list[Ref]:
        """'thanked U.S. partners who helped -- Oman, Switzerland and Qatar': a plural
        relational noun ('partners', 'countries') spelled out by a list of actors
        after a dash or colon later in the sentence (wherever the parser hung it)."""
        lemma = noun.lemma_.lower()
        if noun.tag_ != "NNS" or not (lemma in self.m.relational or lemma in self.ex.list_nouns):
            return []
        doc = self.m.doc
        for i in range(noun.i + 1, self.span.end - 1):
            if doc[i].text in ("--", "—", "–", ":") and doc[i + 1].pos_ in ("PROPN", "DET"):
                first = doc[i + 1] if doc[i + 1].pos_ == "PROPN" else doc[i + 1].head
                refs = list(self.m.resolve(first))
                for c in first.conjuncts:
                    refs += [r for r in self.m.resolve(c) if all(r.actor.id != o.actor.id for o in refs)]
                return refs if len(refs) >= 2 else []
        return []

    def remember_event(self, word: Token, subjects: list[Ref], negated: bool, relation: str | None = None) -> None:
        if subjects and not negated:
            self.m.memory.add_event(word.lemma_.lower(), self.m.index, [r.actor for r in subjects], relation)

    def descend(self, token: Token, depth: int, preps: frozenset[str]) -> list[Ref]:
        """The actor inside a generic phrase, through the given prepositions."""
        if depth == 0:
            return []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        refs = self.named_not_event(pobj)
                        if not refs and not self.noun_cue(pobj) and pobj.lemma_.lower() not in self.ex.happenings:
                            refs = self.descend(pobj, depth - 1, preps)
                        if refs:
                            return [Ref(r.actor, r.start, r.end, r.text, r.how, r.confidence * 0.85)
                                    for r in refs] + [
                                r for c in pobj.conjuncts for r in self.m.resolve(c)]
        return self.held_by(token)

    def held_by(self, token: Token) -> list[Ref]:
        """The holder or author a participle names: 'the compound used by the U.S. Embassy',
        'bases belonging to Iran', 'a bill signed by X', 'the initiative proposed by Y'."""
        for acl in token.children:
            if acl.dep_ == "acl" and (acl.lemma_.lower() in self.ex.holding or acl.lemma_.lower() in self.ex.authored):
                for agent in acl.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "to"):
                        refs = [r for p in agent.children if p.dep_ == "pobj" for r in self.m.resolve(p)]
                        if refs:
                            return [Ref(r.actor, r.start, r.end, r.text, r.how, r.confidence * 0.8)
                                    for r in refs]
        return []

    def subject(self, verb: Token, depth: int = 0) -> tuple[list[Ref], list[Ref], list[Token]]:
        """(agents, patients-if-passive, chain of governing words) of a verb."""
        chain: list[Token] = []
        agents: list[Ref] = []
        patients: list[Ref] = []
        # the subject before the verb first: a misparse may hang a second one after it
        # ("Qatar and Egypt have been mediating": or on an auxiliary)
        stray = [g for a in verb.children if a.dep_ in ("aux", "auxpass") for g in a.children if g.dep_ in SUBJ]
        for child in sorted([*verb.children, *stray], key=lambda c: (c.i > verb.i, -c.i)):
            if child.dep_ == "nsubj" and not agents:
                agents = self.actors(child, role="subj") or self.event_agent(child)
            elif child.dep_ == "nsubjpass" and not patients:
                patients = self.actors(child)  # the patient phrase: "a camp for Congolese refugees"
            elif child.dep_ == "agent" and not agents:  # an active verb's "agent" is a misparse
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "killed by Hezbollah fire": an event noun stands for its agent
                        agents = self.actors(pobj, role="subj") or self.event_agent(pobj)
        if patients and not agents and any(c.dep_ == "auxpass" for c in verb.children):
            agents = self.stray_agent(verb) or self.means_agent(verb, patients)
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and agents and not patients and depth < 4 \
                and any(c.dep_ == "agent" for c in verb.children) and verb.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in SUBJ for c in verb.children):
            # "Backed by Iran, the Houthis attacked ...": the main clause's subject is the one backed
            patients = self.subject(verb.head, depth + 1)[0]
        if verb.tag_ == "VBN" and agents and not patients and verb.dep_ in ("ROOT", "conj") and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children) and \
                verb.lemma_.lower() in self.ex.coercion_in_place:
            agents, patients = [], agents  # "Five Americans detained in Iran": a reduced passive
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and agents and not patients \
                and verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "agent" for c in verb.children) \
                and verb.head.lemma_.lower() not in self.ex.event_anaphors:  # ("a move condemned by X": move_author)
            # "a coalition led by X"; "Kataib Hezbollah is an Iraqi militia backed by Iran": the one described
            # ("the army and the RSF, commanded by Hemedti": one commander, the conjunct right
            # before the comma; "X and Y, backed by Iran" may be both)
            led = (self.conjunct_before_comma(verb) or verb.head) if (
                (cue := self.verb_cue(verb)[0]) is not None and cue.relation == "LEADS"
                and verb.head.dep_ not in ("attr", "appos")) else None
            patients = self.m.resolve(led) if led is not None else \
                (self.described(verb.head) if verb.head.dep_ in ("attr", "appos") else []) \
                or self.actors(verb.head, deep=False)
        if agents or patients or depth > 4 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return agents, patients, chain
        head = verb.head
        if head.i == verb.i:
            return agents, patients, chain
        if verb.dep_ == "pcomp" and (claim := self.claim_of(verb)) is not None and claim.dep_ == "dobj" \
                and self.disputes_claim(claim.head):
            # "Iran rejected accusations of supplying X": the one who disputes is the one accused
            # (the disputing verb is left out of the chain: the claim itself negates the deed)
            return self.subject(claim.head, depth + 1)[0], [], []
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "pcomp") and verb.i > 0 and (
                before := verb.doc[verb.i - 1]).pos_ == "PROPN" and before.dep_ == "pobj" \
                and before.head.lower_ in ("to", "against") and not self.hostile_frame(before.head.head) and (named := [
                    r for r in self.actors(before, deep=False) if r.how in ("name", "alias", "acronym")]):
            # "its objection to Finland joining NATO": the name right before the gerund does it
            # (not a target: "waged a war against Hamas killing ..."; nor a city)
            return named, [], [head, *self.subject(head, depth + 1)[2]]
        if (denier := self.denied_by(verb)) is not None:
            # "denied supplying missiles", the gerund hung on its object: the denier's deed
            a, p, c = self.subject(denier, depth + 1)
            return a, p, [denier, *c]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("against", "from") \
                and verb.tag_ == "VBG" and head.head.lemma_.lower() in self.ex.dissuasion:
            # "warned Israel against attacking X", "prevented Hamas from smuggling": the one kept from it
            kept = [r for c in head.head.children if c.dep_ == "dobj" for r in self.actors(c)]
            if kept:
                return kept, [], [head.head]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "of") and verb.tag_ in (
                "VBG", "VBN") and head.head.dep_ == "pobj" and head.head.head.dep_ == "agent" \
                and (party := self.reason_party(head.head.head.head)):
            # "was accused by Western governments of supplying X": the parser hangs the
            # reason on the accusers; it is the passive verb's
            return party, [], [head.head.head.head]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "of") \
                and verb.tag_ in ("VBG", "VBN") and (party := self.reason_party(head.head)):
            # "sanctioned X for having provided support to Y", "thanked X for mediating": X does it
            return party, [], [head.head]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "by" and verb.tag_ == "VBG" and any(
                p.dep_ == "prep" and p.lower_ in ("for", "of") and p.i < head.i
                and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in p.children) for p in head.head.children) \
                and (party := self.reason_party(head.head)):
            # "accusing Paris of rewarding terrorism by recognising X", the means hung on the
            # accusing: how the charged deed was done, so by the one charged
            return party, [], [head.head]
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("ADJ", "VERB", "AUX"):
            # "is open to engaging with", "is committed to opening"
            a, p, c = self.subject(head.head, depth + 1)
            return a, p, [head.head, *c]
        if verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "pcomp", "prep") and verb.tag_ == "VBG") \
                or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)) \
                or (verb.dep_ == "acomp"):
            # control: "X agreed to withdraw", "urged X to stop" (object control)
            if head.lemma_.lower() in OBJECT_CONTROL and not self.phone_call(head):
                # ("called on Iran to stop": the one called on; "called Trump to demand": the caller)
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")] or [
                    o for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                    and c.i < verb.i for o in prep_objects_of(c)]
                if objs:
                    controlled = self.actors(objs[0])
                    if not controlled and head.lemma_.lower() in self.ex.commands and self.bare_forces(objs[0]) \
                            and self.own_forces_ordered(head, orderers := self.subject(head, depth + 1)[0]):
                        # "Netanyahu ordered the army to withdraw": his own forces, so his act
                        return orderers, [], [head]
                    return controlled, [], [head]
            a, p, c = self.subject(head, depth + 1)
            if not a and p and head.tag_ == "VBN":
                return p, [], [head, *c]  # "X was alleged to have been working with Y"
            if not a and not p and head.tag_ == "VBG" and head.dep_ in ("dobj", "pobj"):
                # a gerund parsed as a noun: "X might leverage Y's ousting to increase ..."
                a, p, c = self.subject(head.head, depth + 1)
                return a, p, [head.head, *c]
            return a, p, [head, *c]
        if verb.dep_ == "advcl" and verb.tag_ == "VB" and not any(c.dep_ == "mark" for c in verb.children):
            # "Iran is faced with two choices: retreat ... or negotiate with Trump"
            a, p, c = self.subject(head, depth + 1)
            return (a or p), [], [head, *c]
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and (outer := self.whose_clause_owner(head)):
            # "al-Sharaa, whose HTS group led the offensive, travelled to Riyadh", parsed with
            # 'led' as the main verb: the verb after it is the owner's, not the group's
            return outer, [], []
        if self.speakers_second_act(verb):
            # "Aoun said the state would hold ... and urged Hezbollah to ...": the parser hangs the
            # speaker's second act on the reported one; a past verb after a 'would' clause is his
            return self.subject(head.head, depth + 1)
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            a, p, c = self.subject(head, depth + 1)
            if p and not any(x.dep_ == "auxpass" for x in verb.children) and \
                    any(x.dep_ == "nsubjpass" for x in head.children):
                return p, [], c  # "X has been indicted by Y and will resign": X resigns
            return a, p, c
        if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            refs = self.actors(head, deep=False) or self.before_comma(verb)
            # ("deployed an aircraft carrier to deter Iran": the thing sent serves its sender)
            sent = head.dep_ == "dobj" and self.moves_things(head.head)
            # "converged for a rally to protest X": the purpose is the event's own agent's;
            # "the Knesset passed a law banning UNRWA": the law's maker does what it says
            purpose = verb.tag_ == "VB" and (self.noun_cue(head) or head.lemma_.lower() in self.ex.efforts
                                             or sent) and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            ruling = verb.tag_ == "VBG" and head.lemma_.lower() in self.ex.rule_nouns
            if not refs and (purpose or ruling) and (gov := self.maker(head)) is not None:
                a, _p, c = self.subject(gov, depth + 1)
                return a, [], [gov, *c]
            if verb.tag_ == "VBN":
                return self.means_agent(verb, refs), refs, chain
            return refs, [], chain
        if verb.dep_ == "acomp" or (verb.pos_ == "ADJ" and head.pos_ in ("AUX", "VERB")):
            return self.subject(head, depth + 1)
        return agents, patients, chain

    def intercepted_arms(self, verb: Token) -> bool:
        """'them' or 'most of them' intercepted stand for the plural told of last before the
        verb, outside its subject: missiles or drones ('the boats' are their state's)."""
        if not any(c.dep_ == "dobj" and (c.tag_ == "PRP" or any(
                p.dep_ == "prep" and p.lower_ == "of" and any(g.tag_ == "PRP" for g in p.children)
                for p in c.children)) for c in verb.children):
            return False
        own_words = {t.i for c in verb.children if c.dep_ in SUBJ for t in c.subtree}
        told = next((t for t in reversed(verb.doc[verb.sent.start:verb.i])
                     if t.tag_ == "NNS" and t.i not in own_words), None)
        return told is not None and told.lemma_.lower() in self.ex.arms

    def in_office(self, person: Ref) -> bool:
        """Is the person named with a title of office here ('Turkish Foreign Minister X',
        "Iran's parliament speaker, X")? Not an opposition or former one."""
        doc = self.m.doc
        name = doc[person.start:person.end].root
        words = list(doc[max(person.start - 3, name.left_edge.i):person.start])
        if name.dep_ == "appos":
            words += [t for t in name.head.subtree if t.i < person.start]
        return any(t.lower_ in self.ex.titles for t in words) and not any(
            t.lower_ in self.ex.out_of_office for t in words)

    def taken_from(self, words: list[Token], subjects: list[Ref], objects: list[Ref],
                   relation: str) -> list[Ref]:
        """'The army regained control of Khartoum from the RSF': a place of the taker's own
        state is where; the one it is taken from is the party (of a seizure, also when
        nothing else is: 'seized the palace from the RSF')."""
        if relation not in ("COERCE", "ASSAULT") or (not objects and relation != "COERCE"):
            return objects  # ("fired rockets from Lebanon": where from, no one taken from)
        homes = {r.actor.country for r in subjects if r.actor.country}
        if objects and (not homes or not all(
                r.actor.country in homes and (r.actor.kind == "STATE" or r.how == "home place") for r in objects)):
            return objects
        mine = {r.actor.id for r in subjects}
        losers = [r for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "from"
                  for o in prep_objects_of(p) for r in self.actors(o) if r.actor.id not in mine]
        return losers or objects

    def not_own_side_reported(self, verb: Token, agents: list[Ref], objects: list[Ref]) -> list[Ref]:
        """'Fidan warned that Ankara would not hesitate to strike': the speaker's own state
        (or its government or army) in a reported clause tells what that side will do or
        suffer ('if its exports were blocked'); it is not the one warned, pledged to or accused."""
        if verb.lemma_.lower() in self.ex.complaints or verb.lemma_.lower() in self.ex.accusations:
            return objects  # ("Lapid charged that the Israeli government had abandoned them": blamed)
        home = {r.actor.country for r in agents if r.actor.country and (
            r.actor.kind in STATE_BOUND - {"PERSON"} or (r.actor.kind == "PERSON" and self.in_office(r)))}
        if not home:
            return objects
        reported = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
        return [r for r in objects if not (
            r.start in reported and r.actor.kind in STATE_BOUND - {"PERSON"} and r.actor.country in home)]

    def own_forces_ordered(self, verb: Token, orderers: list[Ref]) -> bool:
        """'ordered the army / the IRGC / his followers to ...': the one ordered is the
        orderer's own (the state's forces or government, or a body the orderer leads), so
        the order is no request to anyone; what is ordered is the act."""
        ordered = [c for c in verb.children if c.dep_ == "dobj"]
        if not orderers or len(ordered) != 1:
            return False
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in ordered[0].children):
            return True  # "his followers", "its troops"
        refs = self.actors(ordered[0], deep=False)
        if not refs and self.bare_forces(ordered[0]) and all(
                r.actor.kind in ("STATE", "GOVERNMENT", "PERSON") and r.actor.country for r in orderers):
            return True  # "Netanyahu ordered the army to withdraw": whose army goes without saying
        states = {r.actor.country for r in orderers if r.actor.country}
        heads = {h.id for r in orderers if (h := self.ex.gazetteer.headed(r.actor)) is not None}
        return bool(refs) and all(
            (r.actor.kind in ("MILITARY", "GOVERNMENT") and r.actor.country in states)
            or r.actor.id in heads for r in refs)

    def bare_forces(self, noun: Token) -> bool:
        """'the army', 'the troops': forces named with no owner."""
        return noun.lemma_.lower() in self.ex.forces and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
            and not any(c.dep_ in ("poss", "amod", "compound", "nmod") for c in noun.children)

    def civilian(self, ref: Ref, going_home: bool = False) -> bool:
        """A mention naming people, not a state or its agents: 'Syrian refugees', 'displaced
        Palestinians'; a people's name in the plural too when `going_home` (returning or
        fleeing: 'Syrians returned from Turkey')."""
        head = self.m.doc[ref.start:ref.end].root
        return head.lemma_.lower() in self.ex.civilians or (
            # ("Syrian troops" are the state's, and "the Americans left Afghanistan" a retreat:
            # a people's own name only when told uprooted, "displaced Palestinians")
            ref.how == "demonym" and head.tag_ in ("NNS", "NNPS") and head.text[:1].isupper()
            and (going_home or any(m.dep_ in ("amod", "compound") and m.lower_ in self.ex.uprooted
                                   for m in head.lefts)))

    @staticmethod
    def conjunct_before_comma(verb: Token) -> Token | None:
        """'the army and the RSF, commanded by Hemedti': a participle set off after the last
        of conjoined nouns describes that one, wherever the parser hung it."""
        doc = verb.doc
        if verb.i == 0 or doc[verb.i - 1].text != ",":
            return None
        between = [c for c in verb.head.conjuncts if verb.head.i < c.i < verb.i]
        return max(between, key=lambda c: c.i) if between else None

    def speakers_second_act(self, verb: Token) -> bool:
        """'said the state would hold X and urged Y': see subject()."""
        head = verb.head
        if not (verb.dep_ == "conj" and verb.tag_ == "VBD" and head.dep_ == "ccomp" and head.head.tag_ == "VBD"
                and head.head.lemma_.lower() in self.ex.speech and not any(x.dep_ in SUBJ for x in verb.children)
                and any(x.dep_ == "aux" and x.tag_ == "MD" for x in head.children)):
            return False
        cue = self.verb_cue(verb)[0]
        if cue is not None and RELATIONS[cue.relation].quad.startswith("verbal"):
            return True
        # a material act too when the reported clause is about no other actor ("said it would
        # respond and launched drones", "said the crossing would open and sent aid"); not
        # "said Iran would deliver missiles and supplied drones": maybe Iran's
        speakers = {r.actor.id for r in self.subject(head.head)[0]}
        reported = [r for c in head.children if c.dep_ in SUBJ for r in self.m.resolve(c)]
        return all(r.actor.id in speakers for r in reported)

    def whose_clause_owner(self, verb: Token) -> list[Ref]:
        """The actor before a 'whose' phrase the parser made a second subject of `verb`
        ("X, whose group led ..., travelled"); [] when there is none."""
        subjects = sorted((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i)
        if subjects and any(g.tag_ == "WP$" for g in subjects[-1].children):
            if len(subjects) >= 2:
                return self.actors(subjects[0], role="subj")
            if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                # the same clause read as relative, the main verb joined to it
                return self.actors(verb.head, role="subj")
        return []

    def maker(self, thing: Token) -> Token | None:
        """The verb whose subject made or undertook a thing ("launched an attempt to",
        "passed a law banning"); None when that verb takes a stance against it: one who
        warns against, condemns or rejects "any attempt to displace X" does not do it."""
        gov = thing.head.head if thing.dep_ == "pobj" else thing.head
        if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() in self.ex.non_agentive:
            return None
        stance = self.verb_cue(gov)[0]
        if (thing.dep_ == "pobj" and thing.head.lower_ in ("against", "over")) or gov.lemma_.lower() in self.ex.labels \
                or gov.lemma_.lower() in self.ex.refusing \
                or (stance is not None and stance.relation in ("REJECT", "ACCUSE", "PROTEST")):
            return None
        return gov

    def move_author(self, verb: Token) -> list[Ref]:
        """'The IAEA censured Iran, a move Tehran condemned': what is said of 'a move' (or
        step, decision) set beside a clause is said of that clause's act, so of its agent;
        so is 'a move welcomed by Israel'."""
        noun = verb.head
        # (set beside the clause after a comma; the parser may make it a second object)
        beside = noun.dep_ in ("appos", "npadvmod") or (
            noun.dep_ in ("dobj", "dep") and noun.left_edge.i > 0 and self.m.doc[noun.left_edge.i - 1].text == ",")
        if not (verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN")) \
                or noun.lemma_.lower() not in self.ex.event_anaphors or not beside:
            return []
        gov = noun.head
        own = self.noun_cue(noun)
        said = "ACCUSE" if noun.lemma_.lower() in self.ex.accusations else "REQUEST" if (
            own is not None and own.relation == "REQUEST") else None
        if said is not None:
            # "accused Iran of arming Hezbollah, an allegation Tehran denied": the accuser's;
            # "called on Hezbollah to disarm, a demand the group rejected": the asker's
            for _ in range(4):
                if gov.pos_ == "VERB" and (cue := self.verb_cue(gov)[0]) is not None and cue.relation == said:
                    return self.subject(gov)[0]
                if gov.head.i == gov.i:
                    break
                gov = gov.head
            return []
        if gov.pos_ in ("NOUN", "PROPN") and (self.noun_cue(gov) is not None
                                              or gov.lemma_.lower() in self.ex.event_anaphors):
            # "criticised the new EU sanctions, a move the EU defended", "condemned the decision,
            # a step Britain welcomed": the move is that act, whoever made it (no author named
            # of it: "approved new settlements, a decision ...": the act of the clause's verb)
            authors = self.event_author(gov, set())
            if authors:
                return authors
        for _ in range(3):
            if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                break
            gov = gov.head
        if gov.pos_ not in ("VERB", "AUX"):
            return []
        stance = self.verb_cue(gov)[0]
        judged = [c for c in gov.children if c.dep_ == "dobj"
                  and (self.noun_cue(c) is not None or c.lemma_.lower() in self.ex.event_anaphors)]
        if stance is not None and stance.relation in (*STANCES, "ACCUSE", "PROTEST") and judged:
            # "Russia condemned the decision, a step Britain welcomed": the decision, likelier
            # than the condemnation; whoever made it, if the text says ("censured Iran, a
            # move Tehran condemned": the censure)
            return self.event_author(judged[0], set())
        return self.subject(gov)[0]

    def free_relative_object(self, verb: Token) -> list[Token]:
        """'struck what it said were Hezbollah depots', 'hit what it described as Hamas
        command centres': the thing named inside the 'what' clause the parser hung on the
        verb as a clause of its own; none when the verb has a direct object."""
        if any(c.dep_ == "dobj" for c in verb.children):
            return []
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not any(c.dep_ == "dobj" and c.tag_ == "WP" for c in clause.children):
                continue
            return [t for c in clause.children for t in (
                [c] if c.dep_ in ("dobj", "attr", "oprd") and c.tag_ != "WP" else
                [o for o in prep_objects_of(c)] if c.dep_ == "prep" and c.lower_ == "as" else
                [a for a in c.children if a.dep_ in ("attr", "acomp")] if c.dep_ == "ccomp" else [])]
        return []

    def reason_party(self, gov: Token) -> list[Ref]:
        """The party a verb or event noun acts on, when its reason clause ('for doing',
        'of doing') follows: the one blamed, thanked or punished is the one who did it."""
        if gov.pos_ in ("NOUN", "PROPN"):
            return self.nominal_objects(gov) if self.noun_cue(gov) else []
        if gov.pos_ not in ("VERB", "AUX"):
            return []
        if any(c.dep_ == "auxpass" for c in gov.children):
            return [r for c in gov.children if c.dep_ == "nsubjpass" for r in self.actors(c)]
        for c in gov.children:
            if c.dep_ == "dobj":
                return self.nominal_objects(c) if self.noun_cue(c) else self.actors(c)
        return []

    def supplied_to(self, participle: Token, exclude: set[str]) -> tuple[list[Ref], str]:
        """'rockets supplied by Iran': the receiver of a thing given is its 'to' phrase, else
        who uses or gets the thing ('Hezbollah fired rockets supplied by Iran at Israel');
        not who intercepts or seizes it, nor the target it is fired at."""
        refs, used = self.prep_objects(participle, ("to", "for"))
        refs = [r for r in refs if r.actor.id not in exclude]
        if refs:
            return refs, used
        thing = participle.head
        user = thing.head
        if thing.dep_ == "dobj" and user.lemma_.lower() in self.ex.wielding:
            return [r for r in self.subject(user)[0] if r.actor.id not in exclude], "user"
        return [], ""

    def means_agent(self, passive: Token, patients: list[Ref]) -> list[Ref]:
        """'was killed in an Israeli air strike', 'wounded during a raid by Israeli forces':
        a passive with no 'by' phrase names its agent through the hostile act it happened in."""
        if not patients:
            return []
        mine = {r.actor.id for r in patients}
        for prep in passive.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "amid"):
                continue
            for pobj in prep_objects_of(prep):
                cue = self.noun_cue(pobj)
                if cue is not None and cue.relation in MATERIAL_CONFLICT and (
                        refs := self.event_author(pobj, mine)):
                    return refs
        return []

    def stray_agent(self, passive: Token) -> list[Ref]:
        """'Hadi, who had been ousted from the capital in 2014 by Houthi insurgents':
        the parser may hang the 'by' phrase on an active verb, which cannot have one,
        or on a noun before the passive; it belongs to the last passive before it."""
        doc = self.m.doc
        for i in range(passive.i + 1, self.span.end):
            token = doc[i]
            if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
                return []  # another passive comes first: the phrase may be its own
            # (also on a gerund the passive governs: "was accused of supplying X by Saudi Arabia")
            misplaced = token.dep_ == "agent" or (
                token.dep_ == "prep" and token.lower_ == "by" and token.head.i < passive.i) or (
                # "was designated a terrorist group by the US": on the passive's own complement
                token.dep_ == "prep" and token.lower_ == "by" and token.head.dep_ in ("dobj", "oprd", "attr")
                and token.head.head.i == passive.i) or (
                token.dep_ == "prep" and token.lower_ == "by" and token.head.tag_ == "VBG"
                and any(a.i == passive.i for a in token.head.ancestors))
            if misplaced and token.head.tag_ != "VBN" and not any(
                    c.dep_ == "auxpass" for c in token.head.children):
                return [r for p in token.children if p.dep_ == "pobj"
                        for r in self.actors(p, role="subj")]
        return []

    def outside_cue(self, ref: Ref, mod: Token, cue_words: set[str]) -> Ref:
        """'U.S. military aid': a name ('U.S. military') that runs into the cue's own
        words ('military aid') gives way to its state: the aid is the state's."""
        state = self.ex.gazetteer.by_country(ref.actor.country) if ref.actor.country else None
        if state is None or ref.end - 1 <= mod.i or self.m.doc[ref.end - 1].lower_ not in cue_words:
            return ref
        return Ref(state, ref.start, ref.end, ref.text, ref.how, ref.confidence)

    def modifier_actors(self, mod: Token) -> list[Ref]:
        """The actor a modifier word names, demonyms included ("Israeli strikes")."""
        refs = self.m.resolve(mod)
        if mod.i in self.m.demonyms and not any(r.actor.curated for r in refs):
            # "Syrian shelling": the state the demonym names, not a name the tagger guessed
            refs = [Ref(self.m.demonyms[mod.i], mod.i, mod.i + 1, mod.text, "demonym", 0.8)]
        return refs

    def led_coalition(self, verb: Token, leaders: list[Ref]) -> list[Ref]:
        """'Saudi Arabia, leading a coalition of nine countries': an unnamed coalition its
        leader leads is the one news names after it ('the Saudi-led coalition'), when the
        gazetteer knows that name."""
        for thing in verb.children:
            if thing.dep_ != "dobj" or thing.lemma_.lower() not in ("coalition", "alliance") or self.actors(thing):
                continue
            for leader in leaders:
                actor = leader.actor
                for name in (self.ex.gazetteer.demonym_of(actor.id), *actor.aliases):
                    named = self.ex.gazetteer.lookup(f"{name}-led {thing.lemma_.lower()}") if name else None
                    if named is not None and named.kind == "COALITION":
                        return [Ref(named, thing.i, thing.i + 1, thing.text, "description", 0.6)]
        return []

    @staticmethod
    def reciprocal(verb: Token) -> bool:
        """Is the verb's object 'each other' or 'one another'?"""
        return any((o.lower_ == "other" and any(d.lower_ == "each" for d in o.children))
                   or (o.lower_ == "one" and any(d.lower_ == "another" for d in o.children))
                   for c in verb.children if c.dep_ in ("dobj", "prep")
                   for o in ([c] if c.dep_ == "dobj" else prep_objects_of(c)))

    def performed_by(self, noun: Token) -> list[Ref]:
        """'the strike, which was carried out by the US military', 'the raid, claimed by
        Hamas': the 'by' phrase of a clause that says who carried the act out."""
        refs = [r for c in noun.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in self.ex.performing
                for a in c.children if a.dep_ == "agent" for o in prep_objects_of(a) for r in self.actors(o)]
        if not refs and noun.lemma_.lower() in self.ex.killing:
            # "the killing of Fuad Shukr in an Israeli strike": the strike's author did it
            # (the parser may hang the strike on the one killed: "of its commander X in a strike")
            hung = [c for c in noun.head.children if c.i > noun.i] if noun.dep_ == "dobj" else []
            refs = [r for c in (*noun.subtree, *hung) if c.dep_ == "prep" and c.lower_ in ("in", "by")
                    for o in prep_objects_of(c) if (cue := self.noun_cue(o)) is not None
                    and cue.relation == "ASSAULT" for m in o.lefts if m.dep_ in ("poss", "amod", "compound", "nmod")
                    for r in self.modifier_actors(m)]
        return refs

    def event_agent(self, noun: Token) -> list[Ref]:
        """'Recent US Predator attacks have killed ...': an event noun as subject
        stands for its agent."""
        if not self.noun_cue(noun) and noun.lemma_.lower() not in self.ex.forces and not (
                noun.tag_ == "VBG" and noun.lemma_.lower() in self.ex.cues.verb):
            return []  # (a gerund parsed as a verb may be the event: "Syrian shelling killed")
        for mod in noun.lefts:
            if mod.dep_ in ("poss", "amod", "compound", "nmod"):
                # "Israeli airstrikes killed ...": a demonym names the agent too
                refs = self.modifier_actors(mod) or [r for c in mod.lefts if c.dep_ in ("compound", "amod", "poss")
                                                     for r in self.modifier_actors(c)]
                if refs:
                    # "Israeli and American strikes": each conjoined modifier names an agent
                    return refs + [r for c in mod.conjuncts for r in self.modifier_actors(c)
                                   if all(r.actor.id != o.actor.id for o in refs)]
        refs, _ = self.prep_objects(noun, ("by",))
        refs = refs or self.performed_by(noun)
        if not refs:
            # "a drone attack blamed on Iran-backed militias hit ...": the alleged author
            refs = [Ref(r.actor, r.start, r.end, r.text, "alleged", r.confidence * 0.8)
                    for acl in noun.children if acl.dep_ == "acl" and acl.lemma_.lower() in self.ex.blaming
                    for p in acl.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
                    for o in p.children if o.dep_ == "pobj" for r in self.actors(o)]
        cue = self.noun_cue(noun)
        if not refs and (cue is not None and cue.relation in ("MOBILIZE", "RETREAT")
                         or noun.lemma_.lower() in self.ex.forces):
            # "the first deployment of NATO troops arrived": a movement's 'of' is who moves
            refs, _ = self.prep_objects(noun, ("of",))
        return refs

    @staticmethod
    def prep_has_object(verb: Token, prep: str) -> bool:
        """'was engaged in X' (an adjectival passive) rather than 'was fired on' (stranded)."""
        return any(c.dep_ == "prep" and c.lower_ == prep and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
                   for c in verb.children)

    def conditional_party(self, verb: Token, exclude: set[str]) -> list[Ref]:
        """'threatened to stop talks if the United States goes ahead': a threat is
        aimed at whoever the condition names."""
        for word in [verb, *verb.children]:
            for clause in word.children:
                if clause.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self.ex.conditions
                                                  for g in clause.children):
                    for subj in clause.children:
                        if subj.dep_ in SUBJ:
                            refs = [r for r in self.actors(subj, role="subj") if r.actor.id not in exclude]
                            if refs:
                                return refs
        return []

    def until_party(self, words: list[Token], exclude: set[str]) -> list[Ref]:
        """'vowed to continue the offensive until Hamas is destroyed': a hostile campaign
        kept up until someone is beaten or gives way is aimed at that someone."""
        for word in words:
            for clause in word.children:
                if clause.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "until" for g in clause.children):
                    refs = [r for subj in clause.children if subj.dep_ in SUBJ
                            for r in self.actors(subj, role="subj") if r.actor.id not in exclude]
                    if refs:
                        return refs
        return []

    def nearby_party(self, head: Token, exclude: set[str], own: Token | None = None,
                     home: str | None = None, where_only: bool = False, stance: bool = False) -> list[Ref]:
        """Last resort for an event with an agent but no party found by the rules:
        the nearest actor inside the event's own phrase (not in another clause).
        Another event noun on the way (not `own`, the head's own event noun) is not
        looked into through its 'of'/'into' phrase: acting on "the invasion by Iraq" acts
        on Iraq, but an inquiry "into the killing of demonstrators" is no act on them; help
        the agent had ("with Russian air support") is no party at all."""
        moves = self.moves_things(head)  # "deployed its Guards": the Guards are moved
        queue = [c for c in head.children if c.dep_ not in CLAUSAL and c.dep_ not in SUBJ
                 and c.dep_ != "agent" and c.lower_ not in CIRCUMSTANCE and not self.pressed_under(c)
                 and not (moves and c.dep_ == "dobj")]
        if moves:
            # "deployed troops in northern Syria": where the moved things went, not the things
            queue += [p for c in head.children if c.dep_ == "dobj" for p in c.children
                      if p.dep_ == "prep" and p.lower_ not in CIRCUMSTANCE]
        seen = 0
        while queue and seen < 40:
            token = queue.pop(0)
            seen += 1
            if token.lower_ == "behalf" or self.reason_phrase(token) or self.reasons_own(token):
                continue  # "on behalf of X", "in response to X's attack": for whom or why, no party
            if token.dep_ in ("npadvmod", "appos") and (token.lemma_.lower() in self.ex.event_anaphors
                                                         or token.lemma_.lower() in self.ex.comment_nouns):
                # "pledged to ..., a commitment welcomed by X": X judges it, takes no part;
                # "recaptured the palace, a victory for X": a comment on the act, no party of it
                continue
            if token.dep_ in ("compound", "amod", "poss") and token.head.lemma_.lower() in self.m.relational:
                continue  # "U.S. partners" are not the U.S.
            inner = (own is None or token.i != own.i) and (
                self.noun_cue(token) is not None or token.lemma_.lower() in self.ex.happenings)
            if inner and token.dep_ == "pobj" and token.head.lower_ == "with":
                continue
            refs = [r for r in self.m.resolve(token) if r.actor.id not in exclude]
            if refs and home is not None and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and all(
                    r.actor.kind == "STATE" and r.actor.country == home for r in refs):
                continue  # "operations inside Yemen" by Yemenis: where, not whom
            if where_only and self.only_where(token, refs):
                continue
            if refs:
                # "talks between Fatah and Hamas": the conjoined actors with it
                refs += [r for c in token.conjuncts for r in self.m.resolve(c) if r.actor.id not in exclude
                         and all(r.actor.id != o.actor.id for o in refs)]
                return [Ref(r.actor, r.start, r.end, r.text, r.how, r.confidence * 0.6) for r in refs]
            # a participle phrase may name the party ("the compound used by X"), a clause with
            # its own subject does not ("the conviction that it would ...")
            # (not a deal's go-between: "in a deal brokered by China")
            queue.extend(c for c in token.children if (c.dep_ not in CLAUSAL or (
                c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") and not any(g.dep_ in SUBJ for g in c.children)
                and not (stance and self.hostile_participle(c)) and c.lemma_.lower() not in self.ex.brokering
                and not self.given_participle(c)))
                and c.lower_ not in CIRCUMSTANCE and not self.pressed_under(c)
                # "seized Iranian-made drones": the maker is no party of what is done to the thing
                and not (c.dep_ in ("amod", "compound") and c.lemma_.lower() in self.ex.making)
                and not (inner and c.dep_ == "prep" and c.lower_ in INNER_PATIENT))
        return []

    def hung_after_reason(self, noun: Token) -> Token | None:
        """'fired rockets in solidarity with Hamas', parsed with 'with Hamas' on 'fired': the
        phrase right after a reason noun is the noun's own."""
        if not self.reason_phrase(noun) or noun.i + 1 >= len(noun.doc):
            return None
        after = noun.doc[noun.i + 1]
        return after if after.dep_ == "prep" and after.head.i == noun.head.head.i else None

    def hostile_frame(self, word: Token) -> bool:
        """A war, strike or sanctions: 'waged a war against Hamas killing ...', whose 'against'
        phrase names a target, not the doer of what follows."""
        cue = self.noun_cue(word) if word.pos_ in ("NOUN", "PROPN") else self.verb_cue(word)[0]
        if word.pos_ in ("VERB", "AUX") and cue is None:
            cue = next((c for d in word.children if d.dep_ == "dobj" for c in [self.noun_cue(d)] if c), None)
        return cue is not None and cue.relation in (*MATERIAL_CONFLICT, "SANCTION") and cue.relation != "PROTEST"

    def avenges(self, verb: Token) -> bool:
        """'avenge the killing of X', 'avenge Haniyeh': aimed at the act's author only; the one
        it was done to, or where, is no target (see objects())."""
        return (self.responds(verb) and any(c.dep_ == "dobj" and self.noun_cue(c) is not None for c in verb.children)) \
            or (verb.lemma_.lower() in self.ex.avenging and any(c.dep_ == "dobj" for c in verb.children))

    def reasons_own(self, prep: Token) -> bool:
        """Whether `prep` is a reason noun's phrase hung elsewhere (see hung_after_reason)."""
        if prep.dep_ != "prep" or prep.i == 0:
            return False
        after = self.hung_after_reason(prep.doc[prep.i - 1])
        return after is not None and after.i == prep.i

    def reason_phrase(self, token: Token) -> bool:
        """'in response to X', 'in solidarity with X': why or for whom an act is done."""
        return token.dep_ == "pobj" and token.head.lower_ == "in" and token.lemma_.lower() in self.ex.reasons

    def pressed_under(self, prep: Token) -> bool:
        """'under pressure from Egypt', 'under a U.S.-brokered ceasefire': who presses, or
        brokered the deal an act is done under, is no party of the act."""
        # ("under the first phase of a deal": the deal's part)
        return prep.dep_ == "prep" and prep.lower_ == "under" and any(
            o.lemma_.lower() in self.ex.pressing or o.lemma_.lower() in self.ex.frameworks
            for w in prep_objects_of(prep)
            for o in (w, *(g for p in w.children if p.dep_ == "prep" and p.lower_ == "of" for g in prep_objects_of(p))))

    def combat_forces(self, things: list[Token]) -> list[Token]:
        """The forces or units among `things`; none when they are peacekeepers, whom
        sending is aid."""
        forces = [t for t in things if t.lemma_.lower() in self.ex.forces or t.lemma_.lower() in self.ex.units]
        return [] if any(w.lower_.startswith("peacekeep") for t in forces for w in t.subtree) else forces

    def forces_at_home(self, things: list[Token], subjects: list[Ref], objects: list[Ref]) -> bool:
        """'sent troops to Sinai': forces (not peacekeepers) moved to places of their own
        state help no one there; a deployment, as 'deployed troops to Sinai' is."""
        return bool(objects and self.combat_forces(things)) and all(
            r.how in ("place", "home place") and r.actor.kind != "STATE"
            and any(s.actor.country == r.actor.country for s in subjects) for r in objects)

    def handover(self, verb: Token, giving: bool = False, verbs: set[str] | None = None) -> bool:
        """'received the bodies / prisoners from X' (or, `giving`, 'handed them over to X'):
        people or remains handed over; that is no meeting with X nor aid to X, and what
        PLOVER would code is left uncoded. `verbs`: other verbs that hand them over."""
        verbs = verbs or ((self.ex.theme | self.ex.giving) if giving else self.ex.receiving)
        return verb.pos_ == "VERB" and verb.lemma_.lower() in verbs and any(
            t.lemma_.lower() in self.ex.handed_over or t.lower_ in self.ex.handed_over
            for c in verb.children if c.dep_ == "dobj"
            for t in (c, *c.conjuncts, *self.counted(c)))

    def forces_into(self, things: list[Token], mover: Token) -> str | None:
        """'sent troops into Syria', 'sent forces against X': forces (not peacekeepers)
        moved into another's land or at it are a deployment there, not aid to it; the
        preposition, or None."""
        forces = self.combat_forces(things)
        return next((p.lower_ for p in (*mover.children, *(c for t in forces for c in t.children))
                     if forces and p.dep_ == "prep" and p.lower_ in ("into", "against")
                     and any(True for _ in prep_objects_of(p))), None)

    def forces_to_border(self, things: list[Token], mover: Token) -> bool:
        """'sent troops to its border with Syria', 'sent tanks to the Syrian border': forces
        (not peacekeepers) moved up to a border face the state beyond it; no aid to it.
        So are forces sent to their own posts abroad ('to its bases in northern Iraq')."""
        forces = self.combat_forces(things)
        return bool(forces) and any(
            o.lemma_.lower() in self.ex.borders or ((o.lemma_.lower() in self.ex.own_posts or (
                o.lower_.endswith("s") and o.lower_[:-1] in self.ex.own_posts)) and any(  # "bases": "basis"
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in o.children))
            for p in (*mover.children, *(c for t in forces for c in t.children))
            if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "toward", "towards")
            for o in prep_objects_of(p))

    def given_participle(self, word: Token) -> bool:
        """'supplied by Iran' in 'seized rockets supplied by Iran': the giver's own act (coded
        by the participle), so no party of what is done to the thing once given."""
        cue = self.verb_cue(word)[0]
        return word.tag_ == "VBN" and cue is not None and cue.relation == "AID"

    def moves_things(self, verb: Token) -> bool:
        """A verb whose direct object is the thing moved ("deployed its Guards"); by its
        word too, as the parser's lemma of 'lay' may be 'lie' ("lay down its arms")."""
        return verb.lemma_.lower() in self.ex.theme or verb.lower_ in self.ex.theme

    def denies_deed(self, verb: Token) -> bool:
        """'denied sending weapons', 'denied that it had supplied X': a denial of a deed
        (its own event, negated), not a refusal of anyone."""
        return verb.lemma_.lower() in self.ex.refusing and any(
            (c.dep_ == "xcomp" and c.tag_ == "VBG") or (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))
            or (c.dep_ == "dobj" and (self.deed_gerund(c) is not None or self.authorless_act(c)
                                      or (verb.lemma_.lower() in self.ex.disputing and self.arms_transfer(c))))
            for c in verb.children)

    def arms_transfer(self, noun: Token) -> bool:
        """'the supply of weapons' in 'Iran denied the supply of weapons to X': help named
        with the arms it moved, a covert deed one denies having done, not help refused to X
        (that is 'denied X asylum', 'denied entry to X')."""
        cue = self.noun_cue(noun)  # ("the transfer of weapons": no cue of its own)
        return (cue is None or cue.relation == "AID") and any(
            p.dep_ == "prep" and p.lower_ == "of" and any(
                o.lemma_.lower() in self.ex.arms or ((thing := self.noun_cue(o)) is not None
                                                     and thing.relation == "AID")
                for o in prep_objects_of(p))
            for p in noun.children)

    def claim_of(self, clause: Token) -> Token | None:
        """The claim noun a deed clause spells out: 'claims that it supplied ...',
        'accusations of supplying ...'; None when the clause tells no claim."""
        # (a 'that' clause the parser made relative: "a report by UN experts that it had shipped")
        that_clause = clause.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        noun = clause.head if clause.dep_ in ("acl", "ccomp") or that_clause else \
            clause.head.head if clause.dep_ == "pcomp" and clause.head.lower_ == "of" else None
        return noun if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in self.ex.claims else None

    def disputes_claim(self, verb: Token) -> bool:
        """'rejected claims that it supplied weapons to X': an authorless claim of a deed
        disputed; the deed is coded, negated, and X is not rejected."""
        return verb.lemma_.lower() in self.ex.disputing and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.ex.claims and not self.event_author(c, set())
            and any(self.claim_of(k) is not None and k.pos_ in ("VERB", "AUX") and self.verb_cue(k)[0] is not None
                    for k in (*c.children, *(g for p in c.children if p.dep_ == "prep" for g in p.children)))
            for c in verb.children)

    def denied_by(self, gerund: Token) -> Token | None:
        """The denying verb of a deed gerund the parser hung on its own object as a
        modifier ('denied supplying missiles to X'); None for any other word."""
        if gerund.dep_ not in ("amod", "compound") or gerund.tag_ != "VBG" or gerund.head.dep_ != "dobj":
            return None
        denier = gerund.head.head
        deed = self.deed_gerund(gerund.head)
        return denier if deed is not None and deed.i == gerund.i and self.denies_deed(denier) else None

    def authorless_act(self, noun: Token) -> bool:
        """'the attack on Israel' in 'Hamas denied the attack on Israel': a hostile act named
        with no author of its own; who denies it denies doing it (no rejection of Israel)."""
        cue = self.noun_cue(noun)
        return cue is not None and cue.relation in MATERIAL_CONFLICT and not self.event_author(noun, set())

    def deed_gerund(self, noun: Token) -> Token | None:
        """'supplying' in 'denied supplying weapons' when the parser hangs the gerund on its
        object as a modifier: a deed verb, so the noun is what the deed moved."""
        return next((m for m in noun.lefts if m.dep_ in ("amod", "compound") and m.tag_ == "VBG"
                     and self.verb_cue(m)[0] is not None), None)

    def hostile_participle(self, word: Token) -> bool:
        """'condemning Iran' in 'blocked a resolution condemning Iran': a hostile act the
        thing does, whose target is no party of a stance taken on the thing."""
        cue = self.verb_cue(word)[0]
        return word.tag_ == "VBG" and cue is not None and RELATIONS[cue.relation].score < 0

    def responds(self, word: Token) -> bool:
        return " ".join([word.lemma_.lower(), *particles(word)]) in self.ex.responses \
            or word.lemma_.lower() in self.ex.responses

    def deescalates(self, word: Token) -> bool:
        return " ".join([word.lemma_.lower(), *particles(word)]) in self.ex.deescalation \
            or word.lemma_.lower() in self.ex.deescalation

    def leaves_office(self, word: Token) -> bool:
        return " ".join([word.lemma_.lower(), *particles(word)]) in self.ex.leaving_office

    def office_left(self, word: Token, subjects: list[Ref]) -> list[Ref]:
        """'President X resigned', 'the prime minister will step down': giving up an
        office, with no other party named, yields an office of the leaver's own state
        (PLOVER RETREAT): the state for a person of a known state, its government for an
        official the parser names by the state itself ("Montenegro's prime minister")."""
        if not self.leaves_office(word):
            return []
        doc = self.m.doc
        out: list[Ref] = []
        for ref in subjects:
            state = self.ex.gazetteer.by_country(ref.actor.country) if ref.actor.country else None
            if state is None:
                continue
            if ref.actor.kind == "PERSON":
                office = state
            elif ref.actor.kind == "STATE" and ref.end - ref.start > 1 and (
                    doc[ref.end - 1].lower_ in self.ex.titles
                    or doc[ref.end - 2:ref.end].text.lower() in self.ex.titles):
                base_actor = self.ex.gazetteer.uncurated(f"{state.name} government", "GOVERNMENT")
                office = Actor(base_actor.id, base_actor.name, "GOVERNMENT", state.country,
                               base_actor.aliases, curated=False)
            else:
                continue
            out.append(Ref(office, ref.start, ref.end, ref.text, "office", 0.6))
        return out

    def moved_out_of(self, verb: Token, exclude: set[str]) -> tuple[list[Ref], str]:
        """The party or place (as its state) a moved actor is taken out of or from."""
        for prep, words in verb_preps(verb):
            if words not in ("from", "out of", "away from"):
                continue
            for pobj in prep_objects_of(prep):
                refs = [r for r in self.actors(pobj) if r.actor.id not in exclude]
                if not refs:
                    refs = [r for t in pobj.subtree if (r := self.m.matches.get(t.i)) is not None
                            and r.how == "place" and r.actor.id not in exclude][:1]
                if refs:
                    return refs, words
        return [], ""

    def own_people(self, ref: Ref) -> Ref | None:
        """'Syria killed its own people': a state's population named as the party of the
        state's own act is a group of that state, so the domestic event is kept."""
        head = self.m.doc[ref.end - 1]
        if ref.actor.kind != "STATE" or ref.how not in ("pronoun", "demonym", "modifier") or not (
                head.lemma_.lower() in self.ex.populations or head.lower_ in self.ex.populations):
            return None
        group = self.m.group(ref.actor, head, ref.how)
        return Ref(group.actor, group.start, group.end, group.text, "own people", group.confidence)

    def own_group(self, verb: Token, subjects: list[Ref]) -> list[Ref]:
        """'arrested political opponents', 'dispersed the demonstrators': people named by
        their standing alone, acted on by actors of one state, are that state's own (a
        group of it); armed groups are not assumed so ('killed three militants')."""
        countries = {r.actor.country for r in subjects}
        country = next(iter(countries)) if len(countries) == 1 else None
        if country is None:
            return []
        state = self.ex.gazetteer.by_country(country)
        if state is None:
            return []
        words = [c for c in verb.children if c.dep_ == "dobj"]
        words += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                  for g in c.children if g.dep_ == "pobj"]
        kinds = self.m.lex.group_kind
        for word in words:
            for token in (word, *word.conjuncts):
                kind = kinds.get(token.lemma_.lower()) or kinds.get(token.lower_)
                if any(m.dep_ in ("amod", "compound") and m.lower_ in self.ex.beyond_nation for m in token.lefts):
                    continue  # "the international community", "the Arab world": no one state's
                if kind in ("OTHER", "POLITICAL_PARTY") and not self.m.resolve(token):
                    group = self.m.group(state, token, "own group", kind)
                    return [Ref(group.actor, group.start, group.end, group.text, "own group", 0.6)]
        return []

    def home_place(self, ref: Ref, subjects: list[Ref] | None) -> Ref | None:
        """'Syrian forces shelled the town of X': a part of a state ('the city of Mosul',
        'the Syrian town of X') named as the party of an act by that state's own actors
        (`subjects`; None: the state itself acts) is a place actor of the state."""
        if ref.actor.kind != "STATE" or ref.how not in ("modifier", "demonym", "place"):
            return None
        if subjects is not None and not any(s.actor.country == ref.actor.country for s in subjects):
            return None
        doc = self.m.doc
        head = doc[ref.end - 1]
        if not (head.lemma_.lower() in self.ex.place_nouns or head.lower_ in self.ex.place_nouns):
            return None
        named = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        named += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        # only a named place: "no Iraqi governorate" stays the state
        words = doc[named[0].left_edge.i:named[0].i + 1] if named else doc[ref.start:ref.end]
        known = next((m for t in words if (m := self.m.matches.get(t.i)) is not None and m.how == "place"), None)
        if known is None and not named:
            return None
        text = doc[known.start:known.end].text if known is not None else words.text  # "Abyan province": Abyan
        base = self.ex.gazetteer.uncurated(text, "OTHER")
        actor = Actor(base.id, base.name, "OTHER", ref.actor.country, base.aliases, curated=False)
        return Ref(actor, ref.start, ref.end, ref.text, "home place", ref.confidence)

    def place_party(self, heads: list[Token], subjects: list[Ref], relation: str,
                    near: bool = True) -> tuple[list[Ref], str]:
        """Last resort for an event with an agent and no actor party: a region or city of
        the event's own phrase ('shelled Idlib', 'lifted the curfew in Darfur'). Acting on
        a place of another state acts on that state; a place of the agent's own state is
        the party itself, as a place actor of that state (never the state: no self-loop).
        Without `near` only the heads' own prepositional objects count, and only another
        state's place: "Iranian protests in Mashhad" are Iranians protesting there, the
        place is where, not whom (a light verb's subject would say who acts on it)."""
        doc = self.m.doc
        place = None
        for head in heads:
            queue = [c for c in head.children if c.dep_ not in CLAUSAL and c.dep_ not in SUBJ
                     and c.dep_ != "agent" and c.lower_ not in CIRCUMSTANCE
                     and (near or c.dep_ == "prep")]
            seen = 0
            while queue and seen < 40 and place is None:
                token = queue.pop(0)
                seen += 1
                match = self.m.matches.get(token.i)
                if match is not None and match.how == "place":
                    place, found_at, found_from = match, token, head
                    break
                if self.reason_phrase(token) or self.reasons_own(token):
                    continue  # "attacked ships in support of Gaza": Gaza is not attacked
                if near or token.dep_ == "prep":
                    # (a listed place is one too: "fired missiles at Tel Aviv and Haifa")
                    queue.extend(c for c in token.children if (c.dep_ not in CLAUSAL or (
                        c.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN")))
                                 and c.lower_ not in CIRCUMSTANCE and (near or c.dep_ in ("pobj", "conj")))
            if place is not None:
                break
        if place is None:
            return [], ""
        state = place.actor
        text = doc[place.start:place.end].text
        if any(r.actor.country == state.country for r in subjects):
            # "protested in Mashhad", "met in Basra": at home, "in" says where, not whom; an act
            # that seizes, strikes, restricts or relieves is done to the place it is done in
            t = found_at
            while t.i != found_from.i and t.head is not t and t.lower_ not in LOCATIVE:
                t = t.head
            if not near or (t.lower_ in LOCATIVE and relation not in DONE_IN_PLACE):
                return [], ""
            base = self.ex.gazetteer.uncurated(text, "OTHER")
            actor = Actor(base.id, base.name, "OTHER", state.country, base.aliases, curated=False)
            return [Ref(actor, place.start, place.end, text, "place", 0.6)], f"place:{text} at home"
        return [Ref(state, place.start, place.end, text, "place", 0.6)], f"place:{text} -> {state.name}"

    def before_comma(self, verb: Token) -> list[Ref]:
        """The actor named just before ', (previously) affiliated with ...' when the
        parser hung the participle on a bigger phrase."""
        i = verb.left_edge.i - 1
        while i > self.span.start and self.m.doc[i].dep_ == "advmod":
            i -= 1
        if i <= self.span.start or self.m.doc[i].text != ",":
            return []
        match = self.m.matches.get(i - 1)
        if match is not None and match.how != "place":
            return [match]
        return self.m.resolve(self.m.doc[i - 1])

    def only_where(self, token: Token, refs: list[Ref]) -> bool:
        """'met in Baghdad': a capital after 'in' says where, it is not the government; but
        a post there is one to its host ('reopened its embassy in Damascus')."""
        if refs and token.dep_ == "pobj" and token.head.lower_ in (*LOCATIVE, "at") and \
                token.lemma_.lower() in self.ex.posts:
            return True  # "met at the Omani embassy": a post is where, not its state
        return bool(refs) and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and all(
            r.how == "capital" for r in refs) and token.head.head.lemma_.lower() not in self.ex.posts

    def party_phrase(self, pobj: Token) -> list[Ref]:
        """The actors a preposition's object names; when it is another event noun, its
        agent or recipient, never the patient of its 'of'/'into' phrase ("at the request
        of X", "an inquiry into the killing of X" are no acts on X)."""
        if self.noun_cue(pobj) is None and pobj.lemma_.lower() not in self.ex.happenings:
            return self.actors(pobj)
        cue = self.noun_cue(pobj)
        if cue is not None and cue.relation == "REQUEST":
            # "insisted on its demands that Burundi's government grant ...": the one asked
            asked = [r for c in pobj.children if c.dep_ in ("acl", "ccomp") for g in c.children
                     if g.dep_ in ("nsubj", "nsubjpass") for r in self.actors(g)]
            if asked:
                return asked
        return self.actors(pobj, deep=False) or self.descend(pobj, 2, OBJECT_INSIDE - INNER_PATIENT)

    def stranded_preps(self, noun: Token) -> list[Token]:
        """'prompting retaliatory strikes by the Israeli army on villages': phrases of an
        event noun the parser hung on the plain verb governing it; those after the noun,
        of a verb that is no event itself, not passive, and none the noun has itself."""
        if (after := self.hung_after_reason(noun)) is not None:
            return [after]
        verb = noun.head
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.pos_ != "VERB" or self.noun_cue(noun) is None \
                or self.verb_cue(verb)[0] is not None or any(c.dep_ == "auxpass" for c in verb.children):
            return []
        own = {c.lower_ for c in noun.children if c.dep_ == "prep"}
        # (only its author and its target: "at the request of", "in Yemen" are the verb's circumstances)
        return [p for p in verb.children if p.dep_ == "prep" and p.i > noun.i and p.lower_ not in own
                and p.lower_ in ("by", "on", "upon", "against")]

    def prep_objects(self, token: Token, preps: Iterable[str], skip: set[str] = frozenset(),  # type: ignore[assignment]
                     into_events: bool = True, where_only: bool = False) -> tuple[list[Ref], str]:
        """The actors of the first of `preps` that names one; without `into_events`, an
        object that is itself an event noun is not looked into ("into the killing of X")."""
        by_prep: dict[str, list[Token]] = {}
        for child in [*token.children, *self.stranded_preps(token)]:
            if child.dep_ in ("prep", "dative") and child.lower_ not in skip:
                by_prep.setdefault(child.lower_, []).extend(prep_objects_of(child))
        for prep in preps:
            for pobj in by_prep.get(prep, []):
                refs = self.actors(pobj) if into_events else self.party_phrase(pobj)
                if where_only and self.only_where(pobj, refs):
                    continue
                if refs:
                    return refs, prep
        return [], ""

    def objects(self, verb: Token, prep: str | None, exclude: set[str] = frozenset(),  # type: ignore[assignment]
                obliques: bool = True, results: bool = False, where_only: bool = False) -> tuple[list[Ref], str]:
        """The other party of a verb event and the word that introduced it;
        candidates naming only the subject itself are passed over. With `results`
        (the clause tells an event's own outcome: "a strike that resulted in the death
        of X") another event's 'of' phrase is looked into. For verbs
        that move things ("deployed its Revolutionary Guards to ...") the direct
        object is the thing moved, so the recipient comes first."""
        def fresh(refs: list[Ref]) -> list[Ref]:
            out = []
            for r in refs:
                if r.actor.id in exclude:
                    r = self.own_people(r) or self.home_place(r, None) or self.m.rebind(  # type: ignore[assignment]
                        r, exclude)
                if r is not None:
                    out.append(r)
            return out

        # "kidnapped up to 16 advisers", "pulled X out of Y": a particle can carry the preposition
        attached = [*verb.children, *(g for c in verb.children if c.dep_ == "prt" or (
            c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS) for g in c.children)]

        responding = self.responds(verb)
        complaining = verb.lemma_.lower() in self.ex.complaints
        # "warned against any Israeli attack on Iran": aimed at the attack's author
        warning = verb.lemma_.lower() in self.ex.warning
        launching = verb.lemma_.lower() in self.ex.launching

        def by_prep(preps: Iterable[str], where: bool = where_only) -> tuple[list[Ref], str]:
            for p in preps:
                for child in attached:
                    if child.dep_ in ("prep", "dative") and child.lower_ == p and not self.reasons_own(child):
                        for pobj in prep_objects_of(child):
                            if p == "at" and pobj.lemma_.lower() in self.ex.behest:
                                continue  # "at the request of X": who asked, not the party
                            if p == "from" and launching:
                                continue  # "fired rockets from Lebanon": where from, not at whom
                            if p == "in" and pobj.lemma_.lower() in self.ex.exchange:
                                continue  # "in exchange for X": what came back, not the party
                            if pobj.lower_ == "behalf":
                                continue  # "fighting on behalf of X": whom it is done for (companions)
                            if p == "in" and self.reason_phrase(pobj) and verb.lemma_.lower() not in self.ex.participation:
                                continue  # "attacked ships in support of Gaza": why, not whom
                            if p in TOPIC_PREPS and verb.lemma_.lower() in self.ex.mutual:
                                continue  # "agreed to cooperate on Gaza reconstruction": what, not with whom
                            if p in ("against", "over") and (complaining or warning) and self.noun_cue(pobj) is not None \
                                    and (refs := fresh(self.event_author(pobj, exclude))):
                                return refs, p  # "protested against Turkey's airstrike on X": at Turkey
                            if p == "against" and warning and self.noun_cue(pobj) is not None:
                                continue  # "warned against the displacement of Palestinians": not at them
                            if p == "for" and responding and self.noun_cue(pobj) is not None:
                                # "would retaliate for any Israeli attack on Beirut": at the attacker
                                if refs := fresh(self.event_author(pobj, exclude)):
                                    return refs, p
                                continue
                            refs = fresh(self.actors(pobj) if results else self.party_phrase(pobj))
                            if where and self.only_where(pobj, refs):
                                continue
                            if refs:
                                return refs, p
            return [], ""

        if prep:
            refs, used = by_prep([prep], False)  # the cue names it: "arrived in Baghdad" visits
            if refs:
                return refs, used
        moves = self.moves_things(verb)
        if moves:
            refs, used = by_prep(("to", "into", "against", "for", "on"))
            if refs:
                return refs, used
        has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        topic = verb.lemma_.lower() in self.ex.topic_verbs  # "discussed the Rafah crossing": what, not whom
        for child in verb.children:
            if child.dep_ == "dobj" and responding and self.noun_cue(child) is not None:
                # "vowed to avenge the killing of its commander": at whoever did the killing, and
                # at no one else the sentence names ("in a strike on Beirut": how it was done;
                # "Nasrallah's killing": the one killed)
                wronged = child.lemma_.lower() in self.ex.killing and not any(
                    p.dep_ == "prep" and p.lower_ == "of" for p in child.children)
                return ([] if wronged else fresh(self.event_author(child, exclude))), ""
            if child.dep_ == "dobj" and verb.lemma_.lower() in self.ex.avenging:
                return [], ""  # "vowed to avenge Haniyeh": the one wronged, no target
            if child.dep_ in ("dobj", "dative", "attr", "oprd") and child.lower_ not in ("that",) and not topic:
                if moves and child.dep_ == "dobj" and not has_with:
                    # "fired rockets against Israel", "fired missiles at Israel": the party is
                    # inside the thing moved
                    # ("laid down its arms", "withdrew its troops": 'its' is the mover's own)
                    inside = (OBJECT_INSIDE - {"from"}) if launching else OBJECT_INSIDE  # (where from)
                    refs = fresh([r for r in self.descend(child, 2, inside | {"at", "along", "near"})
                                  if not (r.how == "pronoun" and r.actor.id in exclude)])
                    if refs:
                        return refs, ""
                    continue
                refs = fresh(self.actors(child))
                if refs:
                    return refs, ""
        for named in self.free_relative_object(verb):
            if refs := fresh(self.actors(named)):
                return refs, ""
        if refs := fresh(self.move_author(verb)):
            return refs, ""
        if (shared := self.shared_object(verb)) is not None and (refs := fresh(self.actors(shared))):
            return refs, ""
        if (partner := self.partner_before(verb)) is not None and (refs := fresh(self.actors(partner))):
            return refs, ""
        if verb.lemma_.lower() in OBJECT_CONTROL:
            # "allow United Nations planes to land" parsed as a clause: its subject is the object
            for clause in verb.children:
                if clause.dep_ in ("ccomp", "xcomp") and clause.pos_ in ("VERB", "AUX"):
                    if verb.lemma_.lower() == "warn" and self.content_relation(clause) is not None:
                        # "warned that Israel's policies threaten stability", "that Iran would
                        # attack": the clause's agent is warned about, not warned (unlike
                        # "warned that Israel would pay a price")
                        continue
                    for subj in clause.children:
                        if subj.dep_ == "nsubj" and subj.i < clause.i and (refs := fresh(self.actors(subj))):
                            return refs, ""
        if not obliques:
            return [], ""
        return by_prep(OBJECT_PREPS)

    def shared_object(self, verb: Token) -> Token | None:
        """'the Houthis' of 'armed' in 'Iran armed, trained and funded the Houthis': a verb
        with no object or preposition of its own, followed at once by a conjoined verb (no
        subject of its own) whose act leans the same way, shares that verb's object.
        ('withdrew and bombed Gaza': a retreat does not share a strike's target.)"""
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if following is None or following.dep_ not in ("cc", "punct") or any(
                c.dep_ in ("dobj", "dative", "prep", "attr", "oprd", "xcomp", "ccomp") for c in verb.children):
            return None
        own = self.verb_cue(verb)[0]
        for conj in (c for c in verb.conjuncts if c.i > verb.i):
            if any(g.dep_ in SUBJ for g in conj.children):
                return None
            objects = [c for c in conj.children if c.dep_ == "dobj"]
            if not objects:
                continue
            cue = self.verb_cue(conj)[0]
            if own is None or cue is None or (own.relation != cue.relation and (
                    RELATIONS[own.relation].score > 0) != (RELATIONS[cue.relation].score > 0)):
                return None
            return objects[0]
        return None

    def partner_before(self, verb: Token) -> Token | None:
        """'met Grossi in Tehran and agreed on a framework': a joint act with no party or
        subject of its own, conjoined after a meeting or talks, is done with the one met."""
        if verb.dep_ != "conj" or verb.lemma_.lower() not in self.ex.mutual or any(
                c.dep_ in (*SUBJ, "dobj") or (c.dep_ == "prep" and c.lower_ == "with") for c in verb.children):
            return None
        before = verb.head
        talks = [c for c in before.children if c.dep_ == "dobj" and c.lemma_.lower() in self.ex.mutual]
        if before.pos_ != "VERB" or not (before.lemma_.lower() in self.ex.mutual or talks):
            return None
        # ("held talks with Saudi Arabia and agreed ...": the talks' partner)
        for c in (*before.children, *(g for t in talks for g in t.children)):
            if c.dep_ == "dobj" and not talks:
                return c
            if c.dep_ == "prep" and c.lower_ == "with":
                return next(iter(prep_objects_of(c)), None)
        return None

    def purpose_objects(self, head: Token, exclude: set[str], noun: Token | None = None) -> list[Ref]:
        """'began a hunger strike to protest against X': the other party named
        in the purpose clause of an event that has none of its own (the clause
        is then part of this event, not one of its own)."""
        clauses = [*head.children, *(noun.children if noun is not None else ())]
        for clause in clauses:
            if clause.dep_ in ("advcl", "xcomp", "acl") and clause.pos_ == "VERB" and any(
                    c.lower_ == "to" and c.dep_ == "aux" for c in clause.children):
                refs, _ = self.objects(clause, None, exclude)
                if not refs:
                    for c in clause.children:
                        if c.dep_ == "dobj" and self.noun_cue(c):
                            refs = self.noun_party(c, exclude)
                if not refs and self.verb_cue(clause)[0] is not None:
                    # "a hunger strike to demand the return of property seized by X"
                    refs = self.nearby_party(clause, exclude)
                if refs:
                    self.consumed.add(clause.i)
                    self.consumed.update(c.i for c in clause.children if c.dep_ == "dobj")
                    return refs
        return []

    # -- qualifiers --------------------------------------------------------------
    def qualifiers(self, head: Token, chain: list[Token]) -> tuple[bool, bool, bool, list[str]]:
        """(negated, hedged, intent, notes) from the head, its governors and modifiers."""
        ex = self.ex
        negated = hedged = intent = False
        notes: list[str] = []
        below = head
        apart = False  # past a participle told apart by a comma: "did not strike X, blaming Y"
        for word in [head, *chain]:
            lemma = word.lemma_.lower()
            if word is not head and below.dep_ == "advcl" and below.tag_ == "VBG" and below.head.i == word.i \
                    and below.left_edge.i > 0 and self.m.doc[below.left_edge.i - 1].text == ",":
                apart = True  # (its own assertion: the governor's "not" is not its own)
            keeping = word is not head and self.keeps_open(word)
            if keeping:
                # "has not ruled out striking X": the act is kept open, a threat; "ruled out
                # striking X": it will not be done
                if self.negated_word(word):
                    hedged = intent = True
                    notes.append(f"kept open:{lemma}")
                else:
                    negated = True
                    notes.append(f"neg:{lemma} {' '.join(particles(word))}".strip())
            if word is not head:
                # "opened the bridge to allow ...": a purpose clause is not governed by 'open'
                purpose = below.dep_ == "advcl" and below.head.i == word.i
                clause = below
                while clause.dep_ == "conj" and clause.head.i != clause.i:
                    clause = clause.head  # "from moving or undertaking operations"
                kept_from = lemma in ex.dissuasion and clause.dep_ == "pcomp" and clause.head.lower_ in ("against", "from")
                blamed_for = clause.dep_ == "pcomp" and (clause.head.lower_ in ("of", "for") or (
                    clause.head.lower_ == "by" and any(  # ("accused X of Ving by Ving")
                        p.dep_ == "prep" and p.lower_ in ("of", "for") and p.i < clause.i for p in word.children))) and (
                    (blame := self.verb_cue(word)[0]) is not None and blame.relation == "ACCUSE")
                if blamed_for:
                    hedged = True  # "was accused of supplying weapons": alleged
                    notes.append(f"alleged:{lemma}")
                # (not "was to blame for": responsible, an idiom)
                if clause.dep_ == "xcomp" and clause.head.i == word.i and lemma == "be" and \
                        clause.lemma_.lower() != "blame" and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                    hedged = True  # "Israeli troops are to pull out", "the aim is to ...": planned
                    notes.append("planned:be to")
                if clause.dep_ == "xcomp" and clause.head.i == word.i and (
                        ((ask := self.verb_cue(word)[0]) is not None and ask.relation == "REQUEST")
                        or (lemma in ex.directing and any(a.lower_ == "to" for a in clause.children))):
                    hedged = True  # "urged Washington to help end the war": asked for, not done
                    notes.append(f"asked:{lemma}")
                below = word
                # "refused to take part in talks": the refused act is not done
                refused = lemma in ex.refusing and clause.dep_ == "xcomp" and clause.head.i == word.i
                if left_open(word) and (lemma in ex.negating or self.denies_deed(word)):
                    hedged = True  # "has neither confirmed nor denied that it will": left open
                    notes.append(f"hedge:{lemma} left open")
                elif lemma in ex.negating or kept_from or refused or self.denies_deed(word):
                    negated = True
                    notes.append(f"neg:{lemma}")
                if lemma in ("have", "be") and clause.dep_ == "xcomp" and clause.head.i == word.i and any(
                        c.dep_ == "advmod" and c.lower_ == "yet" for c in word.children):
                    negated = True  # "has yet to normalise relations": not done so far
                    notes.append("neg:yet to")
                # "opened an investigation" is no hedge: some words hedge only as adjectives ("open to")
                if lemma in ex.hedge_control and not purpose and not (
                        lemma in ex.adjective_hedges and word.pos_ != "ADJ"):
                    hedged = True
                    notes.append(f"hedge:{lemma}")
                if lemma in INTENT_ADJ or lemma in INTENT_VERBS:
                    intent = True
                    notes.append(f"intent:{lemma}")
            for child in word.children:
                low = child.lower_
                if keeping and self.negates(child):
                    continue  # (read above: "not ruled out" keeps the act open)
                if self.negates(child):
                    if not apart:
                        negated = True
                        notes.append(f"neg:{low}")
                elif child.dep_ == "advmod" and low == "longer" and any(
                        g.dep_ in ("neg", "det", "advmod") and g.lower_ == "no" for g in (*child.children, *word.children)):
                    negated = True  # "no longer hosts Hamas leaders": not any more
                    notes.append("neg:no longer")
                elif child.dep_ in ("aux", "auxpass") and low in ex.modals:
                    hedged = True
                    notes.append(f"modal:{low}")
                    if low in FUTURE:
                        intent = True
                elif child.dep_ == "advmod" and low in ex.hedge_adverbs or child.dep_ == "amod" and low in ex.hedge_adjectives:
                    hedged = True
                    notes.append(f"hedge:{low}")
                elif child.dep_ == "det" and low in ex.hedge_determiners and word is head:
                    hedged = True  # "any Israeli attack on Lebanon would be met ...": hypothetical
                    notes.append(f"hedge:{low}")
                elif child.dep_ == "mark" and low in ex.conditions:
                    hedged = True
                    notes.append(f"if:{low}")
                elif child.dep_ == "advcl" and any(
                        g.dep_ == "mark" and g.lower_ in ex.conditions for g in child.children):
                    notes.append("conditional")
        top_verb = (chain[-1] if chain else head)
        if any((c.dep_ in SUBJ or c.dep_ == "dobj") and any(
                g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children)
               for c in (*head.children, *top_verb.children)):
            negated = True  # "Neither Egypt nor Jordan has been consulted", "consulted neither X nor Y"
            notes.append("neg:neither")
        # "would cut off X and restrict Y": a conjoined verb shares its first verb's modal/negation
        if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("aux", "neg") for c in head.children) and not self.speakers_second_act(head):
            for child in head.head.children:
                if child.dep_ == "aux" and child.lower_ in ex.modals:
                    hedged = True
                    notes.append(f"modal:{child.lower_}")
                    intent = intent or child.lower_ in FUTURE
                elif child.dep_ == "neg":
                    negated = True
                    notes.append(f"neg:{child.lower_}")
        if head.dep_ == "pcomp" and head.head.lower_ == "without":
            negated = True  # "agreed to resign without returning to X"
            notes.append("neg:without")
        # a condition on the whole clause: "... if the US goes ahead"
        top = chain[-1] if chain else head
        if top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ex.conditions
                                       for c in top.children):
            hedged = True
        if top.dep_ == "xcomp" and top.head.lemma_.lower() in ("be",) and \
                top.head.head.lemma_.lower() in ex.hedge_control:
            hedged = True
        for word in (head, *chain):
            if word.dep_ == "acl" and (word.head.lemma_.lower() in ex.efforts or word.head.lemma_.lower()
                                       in ex.proposals) and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in word.children):
                hedged = True  # "Israeli plans to displace Palestinians": tried or planned, not done
                notes.append(f"planned:{word.head.lemma_.lower()}")
                if any(c.dep_ == "det" and c.lower_ in ex.negations for c in word.head.children):
                    negated = True  # "has no plans to expel X"
                    notes.append("neg:no plans")
                break
        if top.dep_ == "ccomp" and top.head.lemma_.lower() in CONFIRMING and self.negated_word(top.head):
            hedged = True  # "did not confirm that it had killed X": neither done nor denied
            notes.append(f"hedge:not {top.head.lemma_.lower()}")
        if top.dep_ == "ccomp" and self.denies_deed(top.head) and left_open(top.head):
            hedged = True  # "neither confirmed nor denied that it carried out the strike"
            notes.append(f"hedge:{top.head.lemma_.lower()} left open")
        elif top.dep_ == "ccomp" and self.denies_deed(top.head) and not (
                top.i < top.head.i and any(c.dep_ == "dobj" for c in top.head.children)):
            # (not "Egypt accused Israel of X, a charge Israel denied", parsed as a clause
            # the denial governs: what is denied is the charge, not the accusing)
            negated = True  # "denied that it had supplied weapons to X"
            notes.append(f"neg:{top.head.lemma_.lower()}")
        claim = self.claim_of(top)
        if claim is not None and claim.dep_ == "dobj" and claim.head.lemma_.lower() in ex.disputing:
            negated = True  # "rejected claims that it supplied weapons to X": disputed
            notes.append(f"neg:{claim.head.lemma_.lower()} {claim.lemma_.lower()}")
        while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX"):
            top = top.head  # "the demand that it disarm and leave Gaza": both asked for
        content = top.dep_ in ("acl", "ccomp") or (top.dep_ == "relcl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in top.children))  # (a "that" clause misparsed)
        if content and (
                (asked := self.noun_cue(top.head) if top.head.pos_ == "NOUN" else
                  self.verb_cue(top.head)[0] if top.head.pos_ == "VERB" else None) is not None
                and asked.relation == "REQUEST"):
            # "Israel's demand that Hamas lay down its arms", "a resolution demanding that
            # Israel withdraw": asked for, not done
            hedged = True
            notes.append(f"asked:{top.head.lemma_.lower()}")
        return negated, hedged, intent, notes

    def in_speech(self, token: Token) -> bool:
        """Is this clause reported by a speaker ("X said it would ...")?"""
        t = token
        for _ in range(4):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.ex.speech:
                return True
            if t.head is t:
                return False
            t = t.head
        return False

    def negates(self, child: Token) -> bool:
        """Is this dependent a negation of its head ("not", "never", "no")?"""
        return child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj", "det", "aux")
                                       and child.lower_ in self.ex.negations)

    def negated_word(self, word: Token) -> bool:
        return any(self.negates(c) for c in word.children)

    def keeps_open(self, word: Token) -> bool:
        """'rule out', 'exclude': verbs whose negation keeps an act open."""
        return word.pos_ in ("VERB", "AUX") and " ".join([word.lemma_.lower(), *particles(word)]) in self.ex.keeping_open

    def kept_open(self, head: Token) -> bool:
        """Is this act governed by a negated 'rule out' / 'exclude' ("has not ruled out
        striking X", "has not excluded military action against X")?"""
        return any(self.keeps_open(t) and self.negated_word(t) for t in [head, *list(head.ancestors)[:3]])

    def in_warning(self, token: Token) -> bool:
        """Is this clause what its subject warns it will do ("warned it would strike X"; not
        "Egypt warned that Israel would attack": a warning about another's act)?"""
        if token.dep_ != "ccomp":
            return False
        cue = self.verb_cue(token.head)[0]
        if cue is None or cue.relation != "THREATEN":
            return False
        # (a leader warning of what his state will do: "Erdogan warned that Turkey would ...")
        warners = {a.id for r in self.subject(token.head)[0] for a in (
            r.actor, *([self.ex.gazetteer.by_country(r.actor.country)] if r.actor.kind == "PERSON"
                       and r.actor.country else [])) if a is not None}
        doers = {r.actor.id for c in token.children if c.dep_ == "nsubj" for r in self.actors(c, role="subj")}
        return bool(warners & doers)

    # -- adding ------------------------------------------------------------------
    def add(self, subjects: list[Ref], relation: str, objects: list[Ref], predicate: str,
            evidence: str, confidence: float, negated: bool, hedged: bool,
            mutual: bool = False, historical: bool = False) -> None:
        for s in subjects:
            for o in objects:
                if s.actor.id == o.actor.id:
                    continue
                if relation == "CONSULT" and "MEDIA" in (s.actor.kind, o.actor.kind):
                    continue  # "spoke to Al Jazeera": an interview, no contact between actors
                if relation == "LEADS" and s.actor.kind == "PERSON" and s.actor.curated and s.actor.country \
                        and o.actor.kind in ("STATE", "GOVERNMENT", "MILITARY") and o.actor.country \
                        and o.actor.country != s.actor.country:
                    continue  # "the IRGC's commanders, including its chief, X" after "Israel ...": a
                    # known person of one state heads no other state's institutions
                placed = self.domestic(s, relation, o)
                why = evidence + (" [unplaced name at home]" if placed is not o else "")
                o = placed
                conf = confidence * min(s.confidence, o.confidence)
                self.found.append(Found(s, relation, o, predicate, why, conf, negated, hedged, historical))
                if mutual:
                    self.found.append(Found(o, relation, s, predicate, why + " (mutual)",
                                            conf * 0.9, negated, hedged))
        if mutual and not objects and len(subjects) >= 2:
            for s in subjects:
                for o in subjects:
                    if s.actor.id != o.actor.id and not self.one_phrase(s, o):
                        conf = confidence * min(s.confidence, o.confidence) * 0.9
                        self.found.append(Found(s, relation, o, predicate,
                                                evidence + " (mutual)", conf, negated, hedged))

    def one_phrase(self, a: Ref, b: Ref) -> bool:
        """A person and a body in one noun phrase ('U.N. envoy Hans Grundberg'): one side
        of a joint event, not its two parties."""
        doc = self.m.doc

        def phrase_heads(ref: Ref) -> set[int]:
            token, heads = doc[ref.start:ref.end].root, set()
            for _ in range(3):
                if token.dep_ not in ("compound", "amod", "nmod", "poss", "appos") or token.head.i == token.i:
                    break
                token = token.head
                heads.add(token.i)
            return heads

        if (a.actor.kind == "PERSON") == (b.actor.kind == "PERSON"):
            return False  # ("Iranian and Saudi officials": two sides in one phrase)
        if a.start < b.end and b.start < a.end:
            return True  # (a person's body read off the same words: "U.N. envoy X")
        a_root, b_root = doc[a.start:a.end].root.i, doc[b.start:b.end].root.i
        return b_root in phrase_heads(a) or a_root in phrase_heads(b)

    def domestic(self, subject: Ref, relation: str, obj: Ref) -> Ref:
        """A state's actor governing an unplaced name ('the Nicaraguan government ordered La
        Prensa to close') in a sentence naming no other state nor an international body acts
        at home: the name is taken to belong to that state (domestic news). Not for acts
        usually aimed abroad: sanctioning, striking, accusing a name is no sign of home."""
        country = subject.actor.country
        if relation not in GOVERNING or obj.actor.curated or obj.actor.country is not None \
                or obj.actor.kind == "IGO" or not country \
                or subject.actor.kind not in STATE_BOUND or self.sentence_states() != {country}:
            return obj
        return Ref(dataclasses.replace(obj.actor, country=country), obj.start, obj.end, obj.text, obj.how,
                   obj.confidence)

    def sentence_states(self) -> set[str | None]:
        """Countries of the states, officials and bodies the sentence names (None: an IGO)."""
        if self._states is None:
            doc = self.m.doc
            found: set[str | None] = {m.actor.country for m in self.m.matches.values()
                                      if self.span.start <= m.start < self.span.end and m.actor.curated
                                      and m.actor.kind in STATE_BOUND | {"STATE", "IGO"}}
            found |= {a.country for i, a in self.m.demonyms.items() if self.span.start <= i < self.span.end
                      and doc[i].dep_ != "nsubj"}
            self._states = found
        return self._states

    def intent_relation(self, relation: str, head: Token, intent: bool, negated: bool) -> tuple[str, str]:
        """PLOVER codes a stated intention: a promised cooperative act is AGREE, an
        announced or conditional hostile act is THREATEN."""
        chain_words = {t.lemma_.lower() for t in head.ancestors} | {head.lemma_.lower()}
        if relation == "ASSAULT" and "prepare" in chain_words and not negated:
            return "MOBILIZE", " (preparing an attack -> MOBILIZE)"
        unless = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless"
                                               for g in c.children) for c in head.children)
        conditional = unless or any(c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in self.ex.conditions for g in c.children) for c in head.children)
        modal = any(c.dep_ == "aux" and c.lower_ in self.ex.modals for c in head.children)
        if not negated and relation != "THREATEN" and (
                (unless and intent) or (conditional and modal and relation in MATERIAL_CONFLICT)):
            return "THREATEN", f" (conditional {relation} -> THREATEN)"
        if not intent or negated:
            return relation, ""
        if relation in COOPERATIVE:
            return "AGREE", f" (intent {relation} -> AGREE)"
        # an announced sanction is coded as the sanction itself (PLOVER), other hostile acts as threats
        if relation in MATERIAL_CONFLICT - {"SANCTION"} and (self.in_speech(head) or self.in_warning(head)
                                                            or self.kept_open(head)
                                                            or chain_words & INTENT_VERBS or any(
                c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in self.ex.conditions
                                          for g in c.children) for c in head.children)):
            return "THREATEN", f" (stated intent {relation} -> THREATEN)"
        return relation, ""

    # -- verbs -------------------------------------------------------------------
    def verb_cue(self, verb: Token) -> tuple[Cue | None, str | None, str]:
        """The longest cue for lemma [+ particle] [+ preposition [+ its object] | + object noun];
        a cue that helps only by what it moves ('sold oil', 'sold missiles') when that is help."""
        found = self._verb_cue(verb)
        if found[0] is not None and found[2] in self.ex.goods_bound and not self.moves_help(
                [c for c in verb.children if c.dep_ == "dobj"], found[2], envoys=True):
            return None, None, found[2]
        return found

    def moves_help(self, things: list[Token], cue_words: str, envoys: bool = False) -> bool:
        """Whether what is sent or transferred is help: arms, money, aid, relief, goods, troops
        or forces (or, with `envoys`, envoys: the verb's rule makes sending one contact); what
        is sold, only arms (selling oil is trade)."""
        # ("billions of dollars in weapons", "weapons transfers", "$30 million")
        words = [w for t in things for c in (t, *self.counted(t))
                 for w in (c, *(m for m in c.lefts if m.dep_ == "compound"),
                           *(o for p in c.children if p.dep_ == "prep" and p.lower_ == "in" for o in prep_objects_of(p)))]
        if any(w.ent_type_ == "MONEY" for w in words) and cue_words not in self.ex.arms_bound:
            return True
        if cue_words in self.ex.arms_bound:
            return any(w.lemma_.lower() in self.ex.arms or w.lower_ == "arms" for w in words)
        return any(w.lemma_.lower() in self.ex.helping_things or (envoys and w.lemma_.lower() in self.ex.envoys)
                   or ((cue := self.noun_cue(w)) is not None and cue.relation == "AID") for w in words)

    def _verb_cue(self, verb: Token) -> tuple[Cue | None, str | None, str]:
        lemma = verb.lemma_.lower()
        prts = particles(verb)
        heads = list(dict.fromkeys([lemma, verb.lower_]))
        bases = [f"{h} {p}" for h in heads for p in prts] + heads
        # "violated the ceasefire agreement": an event word naming the kind of agreement comes
        # before the bare noun (not any modifier: "launched a drone strike" is a strike)
        # ("launched dozens of rockets" is "launch rocket")
        nouns = [w for d in verb.children if d.dep_ == "dobj" for c in (d, *self.counted(d))
                 for w in (*(m.lemma_.lower() for m in c.lefts if m.dep_ == "compound" and self.noun_cue(m)),
                           c.lemma_.lower())]
        # ("closed its airspace to X" acts on a thing; "is close to X" is the tie)
        transitive = any(d.dep_ == "dobj" for d in verb.children)
        tables = (self.ex.cues.verb, self.ex.cues.tie)
        for base in bases:
            for table in tables:
                for prep, words in verb_preps(verb) if not (transitive and table is self.ex.cues.tie) else []:
                    for pobj in prep.children:
                        key = f"{base} {words} {pobj.lemma_.lower()}"
                        if pobj.dep_ == "pobj" and key in table:
                            return table[key], prep.lower_, key  # "withdraw from agreement"
                # the object names the act before a preposition does: "traded fire with X"
                for noun in nouns:
                    if f"{base} {noun}" in table:
                        return table[f"{base} {noun}"], None, f"{base} {noun}"
                for prep, words in verb_preps(verb) if not (transitive and table is self.ex.cues.tie) else []:
                    if f"{base} {words}" in table:
                        return table[f"{base} {words}"], prep.lower_, f"{base} {words}"
            for table in tables:
                if base in table and (table is self.ex.cues.verb or " " in base or base in TIE_VERBS):
                    return table[base], None, base
        return None, None, lemma

    def verb(self, verb: Token) -> None:
        ex = self.ex
        lemma = verb.lemma_.lower()
        if lemma in ("be", "have", "do") and verb.dep_ not in ("ROOT",):
            return
        if self.members_listed(verb) or self.sponsored(verb):
            return
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        cue, prep, words = self.verb_cue(verb)
        if cue is not None and cue.relation == "MOBILIZE" and " " in words and (bare := ex.cues.verb.get(lemma)) \
                is not None and bare.relation != "MOBILIZE" and any(
                    c.dep_ == "dobj" and self.actors(c, deep=False) for c in verb.children):
            # "pushed Israel into accepting a truce": an actor pushed is pressed, no forces advancing
            cue, prep, words = dataclasses.replace(bare, words=lemma), None, lemma
        if cue is None and lemma in ex.directing and complement is not None and any(
                c.dep_ == "dobj" and not any(r.actor.kind == "MEDIA" for r in self.actors(c))
                for c in verb.children) and any(a.lower_ == "to" for a in complement.children):
            # ("told Reuters to expect a response" asks the news agency nothing)
            cue, words = dataclasses.replace(ex.cues.verb["order"], words=lemma), lemma  # "told the Houthis to halt attacks"
        if lemma in ex.refusing and any(c.dep_ == "dobj" and (c.lemma_.lower() in ex.involvement or c.lemma_.lower()
                                                              in ex.responsibility) for c in verb.children):
            return  # "denied any involvement in the attack on X": the act is coded, negated, not a rejection of X
        if self.disputes_claim(verb):
            self.consumed.update(c.i for c in verb.children if c.dep_ == "dobj")  # (no accusation of X either)
            return
        # "called on X to stop its strikes" asks, it labels nothing
        asks = cue is not None and " " in words and cue.relation != "ACCUSE"
        if lemma in ex.labels and not particles(verb) and not asks and self.labelling(verb):
            return
        noun = self.light_noun(verb)
        if noun is not None and cue is not None and cue.relation == "RETREAT" and noun.lemma_.lower() in ex.forces:
            noun = None  # "withdrew its troops from X" is the verb's retreat, not halted aid
        if noun is not None and cue is not None and cue.relation == "MOBILIZE" and noun.lemma_.lower() in ex.forces:
            # "deployed troops along the border with X" mobilizes; peacekeepers sent are aid
            if any(t.lower_.startswith("peacekeep") for t in noun.subtree):
                self.nominal(noun, light=verb)
                return
            self.consumed.add(noun.i)
            noun = None
        noun_object = author_object = False
        if noun is not None:
            noun_cue = self.noun_cue(noun)
            assert noun_cue is not None
            # the lexicon names this verb with this noun: "lodge protest", "broke the ceasefire (agreement)"
            named = cue is not None and any(words.endswith(" " + w.lemma_.lower()) for w in (
                noun, *(m for m in noun.lefts if m.dep_ == "compound")))
            if noun_cue.relation in ESCALATION and self.deescalates(verb) and not named \
                    and verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in ex.efforts:
                # "efforts to end the war in Sudan": mediators', no side stepping back
                self.consumed.add(noun.i)
                return
            if noun_cue.relation in ESCALATION and self.deescalates(verb) and not named:
                # "suspended attacks on US forces", "halted its offensive": a step back, not the act
                self.nominal(noun, light=verb, relation="RETREAT",
                             note=f"{' '.join([lemma, *particles(verb)])} {noun_cue.relation} -> RETREAT")
                return
            if lemma in ex.refusing and self.denies_deed(verb):
                # a denied deed, not help refused to X: "denied supplying weapons to X", the
                # gerund parsed as the noun's modifier, is the gerund's own event; "denied the
                # attack on X" is the noun's
                if self.deed_gerund(noun) is not None:
                    self.consumed.add(noun.i)
                else:
                    self.nominal(noun, light=verb)
                return
            if lemma in ex.reversal and noun_cue.relation in UNDONE and not named:
                # "lifted a curfew", "halted economic aid", "cancelled a planned visit"
                self.nominal(noun, light=verb, relation=UNDONE[noun_cue.relation],
                             note=f"{lemma} {noun_cue.relation} -> {UNDONE[noun_cue.relation]}")
                return
            if named:
                noun_object = True
                self.consumed.add(noun.i)
            elif lemma in ex.commands and not self.prep_objects(noun, ("by",))[0] and not [
                    r for m in noun.lefts if m.dep_ in ("poss", "amod", "compound", "nmod")
                    and not self.noun_cue(m) for r in self.modifier_actors(m)]:
                # "Trump ordered airstrikes on Syria": an ordered act with no agent of its own
                # is the orderer's act (it is done by the orderer's forces)
                self.nominal(noun, light=verb, note=f"ordered by {lemma}")
                return
            elif cue is not None and cue.relation == "ACCUSE" and RELATIONS[noun_cue.relation].score < 0 \
                    and not self.event_author(noun, set()) \
                    and not any(t.dep_ == "prep" and t.lower_ == "by" for t in noun.subtree):
                # "condemned attacks on Syria": the victim is not blamed, the author is unknown
                # (a 'by' phrase the parser hung deeper still names it: "the bombing of X by Y")
                return
            elif cue is not None and lemma in ex.governing and cue.relation in VERB_WINS:
                noun_object = True  # "demanded the withdrawal of X", "rejected calls by X"
                self.consumed.add(noun.i)
            elif cue is not None and cue.relation == "CONCEDE" and noun_cue.relation == "AID":
                # "allowed the delivery of grain to X": a permission for others' help to reach X
                noun_object = True
                self.consumed.add(noun.i)
            elif cue is not None and cue.relation == "REQUEST" and noun_cue.relation in ("AID", "SUPPORT"):
                # "sought aid from Saudi Arabia", "sought the support of X": help asked of its giver
                noun_object = True
                self.consumed.add(noun.i)
            elif cue is not None and cue.relation in AUTHOR_TARGETED and self.event_author(noun, set()):
                # "denounced Serbia's suppression of ...": the act's author is the target
                noun_object = author_object = True
                self.consumed.add(noun.i)
            elif lemma in ex.light or (cue is None and lemma not in ex.non_agentive):
                self.nominal(noun, light=verb)
                return
        if complement is not None and (lemma in ex.hedge_control or lemma in ex.plain_control
                                       or lemma in ex.negating) and lemma not in ex.governing \
                or self.denies_deed(verb):
            return  # the complement's own event, qualified by this verb
        if cue is not None and cue.relation == "LEADS" and complement is not None and infinitive(complement) \
                and any(c.dep_ == "dobj" for c in verb.children):
            cue = None  # "the strikes led Hezbollah to retaliate": a cause, no command (the complement's own)
        phoned = cue is None and self.phone_call(verb)
        if phoned:
            cue, words = dataclasses.replace(ex.cues.verb["phone"], words=lemma), lemma
        if lemma in ex.speech:
            self.violation_in_speech(verb)
        if cue is None:
            if lemma in ex.speech:
                self.demand_in_speech(verb)
            return
        if lemma in ex.speech and cue.relation not in VERB_WINS and any(
                c.dep_ == "ccomp" for c in verb.children):
            self.demand_in_speech(verb)  # "said" alone is no event
            return
        weapons = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in (c, *c.conjuncts)
                   if t.lemma_.lower() in ex.arms]
        if weapons and (lemma in ex.intercepting or " ".join([lemma, *particles(verb)]) in ex.intercepting and any(
                a.dep_ == "acl" and a.tag_ == "VBN" and any(g.dep_ == "agent" for g in a.children)
                for t in weapons for a in t.children)):
            # "intercepted a missile fired by the Houthis", "shot down drones launched by X": a
            # defence, no attack on its launcher ("shot down a Syrian jet" stays an act on Syria)
            return
        if lemma in ex.intercepting and self.intercepted_arms(verb):
            return  # "air defences intercepted most of them": the missiles, a defence
        if cue.relation == "CONSULT" and lemma == "meet" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ex.obligations for c in verb.children):
            return  # "failed to meet its commitments": a duty met, no meeting
        if cue.relation == "CONSULT" and lemma in ex.receiving and self.received_help(verb):
            # "receives most of its funding from Iran": a thing received, no visitor (the
            # thing's own rule gives the help)
            return
        if self.handover(verb) or (cue.relation == "AID" and self.handover(verb, giving=True)):
            # "received the bodies from Israel", "handed over the bodies to the Red Cross":
            # a handover, no meeting with Israel and no aid to the Red Cross
            return
        agents, patients, chain = self.subject(verb)
        users = set() if lemma not in ex.exploding else {
                 t.i for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                 for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in ex.holding
                 for t in a.subtree}
        if users:
            # "pagers used by Hezbollah members exploded": the users of the thing did not act
            agents = [r for r in agents if r.start not in users]
        if lemma in ex.commands and complement is not None and self.own_forces_ordered(verb, agents):
            return  # "Erdogan ordered the army to strike the PKK": the strike is the act (the army's)
        if cue.relation == "RETREAT" and lemma in ex.moving and agents and all(
                self.civilian(r, going_home=lemma in ("return", "flee")) for r in agents):
            return  # "Syrian refugees returned from Lebanon": people going home, no state's retreat
        exclude = {r.actor.id for r in agents}
        governs = complement is not None and lemma in ex.governing and not phoned  # (the call's purpose: its own)
        agreement = self.cue_noun(verb, words)
        moved: list[Ref] = []
        moved_out = False
        place_note = ""
        if agreement is not None:
            # "withdrew the US from the nuclear agreement with Iran": the agreement's party;
            # the actor moved out of it leaves it too
            objects, used = self.noun_party(agreement, exclude), prep or ""
            self.consumed.add(agreement.i)
            moved = [r for c in verb.children if c.dep_ == "dobj" for r in self.actors(c, deep=False)
                     if r.actor.id not in exclude and all(r.actor.id != o.actor.id for o in objects)]
        elif author_object and noun is not None:
            objects, used = self.event_author(noun, exclude), ""
        elif noun_object and noun is not None:
            objects, used = self.noun_party(noun, exclude), ""
        elif governs and lemma not in OBJECT_CONTROL:
            objects, used = [], ""  # "agreed to withdraw from X": the complement's party first
        elif cue.relation == "AID" and verb.dep_ == "acl" and verb.tag_ == "VBN":
            objects, used = self.supplied_to(verb, exclude)
        elif self.leaves_office(verb):
            # "resigned from the cabinet"; "resigned in protest" names no party of the resignation
            objects, used = self.prep_objects(verb, ("from",))
        else:
            # a control verb's oblique phrases are circumstances; its complement has the party
            # (a deed gerund hung on its object has its phrases on the denying verb)
            objects, used = self.objects(self.denied_by(verb) or verb, prep, exclude, obliques=not governs,
                                         where_only=cue.relation not in CAPITAL_PARTIES)
        objects = self.not_own_side_reported(verb, agents, objects)
        objects = self.taken_from([verb], agents, objects, cue.relation)
        if not objects and cue.relation == "RETREAT" and self.moves_things(verb):
            # "withdrawing some of its 2,500 troops from Iraq": the parser hangs the place left on the troops
            objects = [r for d in verb.children if d.dep_ == "dobj" for t in d.subtree
                       if t.dep_ == "prep" and t.lower_ == "from" for p in prep_objects_of(t)
                       for r in self.actors(p) if r.actor.id not in exclude]
            used = "from" if objects else used
        inner = ""
        # "sent fighters to help fight ISIS": whom the help fights is its foe, not its recipient;
        # the fight is left to the complement's own rule
        # ("sent warships to deter Iran", "to confront the Houthis": any hostile purpose)
        purpose = self.content_relation(complement) if complement is not None else None
        helps_fight = cue.relation in ("AID", "COOPERATE", "SUPPORT") and purpose is not None \
            and (purpose in MATERIAL_CONFLICT or RELATIONS[purpose].score < 0)
        if governs and not helps_fight:
            # "agreed to withdraw from X", "refused to recognize Israel": the governing event
            if not objects:
                objects, used = self.objects(complement, self.verb_cue(complement)[1], exclude)
            if not objects and not self.avenges(complement):
                for sub in complement.children:
                    if sub.dep_ == "dobj" and self.noun_cue(sub):
                        objects = self.noun_party(sub, exclude)
            if not objects:
                # "offered to mediate between Israel and Hamas", "to host talks between X and Y":
                # a go-between's act is with both of the pair
                objects = [r for t in (complement, *(c for c in complement.children
                                                     if c.dep_ == "dobj" and self.noun_cue(c)))
                           for p in t.children if p.dep_ == "prep" and p.lower_ == "between"
                           for o in prep_objects_of(p) for r in self.actors(o) if r.actor.id not in exclude]
            if not objects and not self.avenges(complement):
                objects, used = self.objects(verb, prep, exclude)
            deeper = next((c for c in complement.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if not objects and deeper is not None and complement.lemma_.lower() in ex.governing and not (
                    self.content_relation(complement) in COOPERATIVE
                    and self.content_relation(deeper) in MATERIAL_CONFLICT):
                # "pledged to help rebuild Syria": the party of the act the governed verb governs
                # (not of "pledged to help fight X": X is fought, not pledged anything)
                objects, used = self.objects(deeper, self.verb_cue(deeper)[1], exclude)
            if not objects and self.content_relation(complement) in MATERIAL_CONFLICT:
                # "vowed to resume the war if / until Hamas ...": aimed at whoever the clause names
                objects = self.until_party([complement, verb], exclude) or self.conditional_party(complement, exclude)
            if not objects:
                objects = self.office_left(complement, agents)  # "agreed to step down"
            with_each_other = several(agents) and complement.lemma_.lower() in ex.mutual
            if not objects and not with_each_other and not self.avenges(complement) and (
                    inner_cue := self.verb_cue(complement)[0]) is not None:
                # "threatened to target ships linked to Israel", "agreed to allow aid into Gaza":
                # the party inside the act's phrase, as for the act alone
                # ("A and B agreed to cooperate on Gaza reconstruction": with each other)
                objects = self.nearby_party(complement, exclude | {r.actor.id for r in agents},
                                            where_only=inner_cue.relation not in CAPITAL_PARTIES,
                                            stance=inner_cue.relation in STANCES)
                used = "near" if objects else used
                if not objects and agents:
                    objects, place_note = self.place_party([complement], agents, inner_cue.relation)
            self.consumed.add(complement.i)
            if not self.avenges(complement):  # (the act avenged is told of in its own right)
                self.consumed.update(c.i for c in complement.children if c.dep_ == "dobj" and self.noun_cue(c))
            inner = f"+to {complement.lemma_.lower()}"
        elif not objects and lemma in ex.governing and not helps_fight and not phoned:
            for c in verb.children:
                if c.dep_ in ("ccomp", "advcl", "xcomp") and c.pos_ in ("VERB", "AUX"):
                    subj = [s for s in c.children if s.dep_ in SUBJ]
                    if cue.relation == "REQUEST" and subj:
                        objects = self.actors(subj[0])  # "demanded that the US cancel"
                    elif any(a.lower_ == "to" for a in c.children) and not (
                            cue.relation in ("AID", "COOPERATE", "SUPPORT") and (aim := self.content_relation(c))
                            is not None and RELATIONS[aim].score < 0):
                        # ("sent warships to deter Iran": whom a hostile purpose is aimed at gets no help)
                        objects, used = self.objects(c, None, exclude)  # "invested billions to support"
                        inner = f"+to {c.lemma_.lower()}"
                        if objects:
                            self.consumed.add(c.i)
                    if objects:
                        break
        if patients and not agents and cue.relation == "COERCE" and lemma in ex.coercion_in_place:
            # "Five Americans unlawfully detained in Iran": detention is the state's act
            agents = [r for r in self.objects(verb, "in", {p.actor.id for p in patients})[0]
                      if r.actor.kind == "STATE"]
        judged = [c for c in verb.children if c.dep_ == "nsubjpass" and self.noun_cue(c) is not None]
        if agents and judged and cue.relation in (*STANCES, "ACCUSE", "PROTEST") and (
                authors := self.event_author(judged[0], {r.actor.id for r in agents})):
            # "Athens' dispatch of rescue teams to Turkey was welcomed by Ankara", "Israel's strike
            # on Doha was condemned by Qatar": a stance on an act is one on its author
            patients = authors
        if patients:
            if agents:
                # passive: "was attacked by X" -> X attacked the patient
                subjects, objs = agents, patients
            elif cue.pos == "tie" or cue.relation in ("AFFILIATED_WITH", "ALLY_OF", "HOSTILE_TO", "MEMBER_OF") \
                    or (prep and self.prep_has_object(verb, prep)):
                # "HTS, affiliated with al-Qaeda", "Serb forces were engaged in ethnic cleansing"
                subjects, objs = patients, objects
            elif lemma in ex.theme and (left := self.moved_out_of(verb, {r.actor.id for r in patients}))[0]:
                # "UN peacekeepers were shipped out of Gorazde": whoever moved them, they leave
                subjects, (objs, used), moved_out = patients, left, True
            else:
                return
        else:
            subjects, objs = agents, objects
        subjects = subjects + moved
        self.companions(verb, subjects, chain)
        if subjects and not objs and verb.dep_ in ("xcomp", "advcl") and self.phone_call(verb.head):
            # "called President Trump to demand guarantees": said to the one called
            mine = {r.actor.id for r in subjects}
            objs = [r for c in verb.head.children if c.dep_ == "dobj" for r in self.actors(c, deep=False)
                    if r.actor.id not in mine]
        if subjects and not objs and not patients:
            # "talks between Iran and the US will be hosted by Oman": the passive subject is an
            # event whose own pair is the party, as in "Oman will host talks between ..."
            mine = {r.actor.id for r in subjects}
            objs = [r for c in verb.children if c.dep_ == "nsubjpass" and self.noun_cue(c) is not None
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "between"
                    for o in prep_objects_of(p) for r in self.actors(o) if r.actor.id not in mine]
        if subjects and not objs and lemma in ex.complaints:
            # "Iran complained that Israel was violating its airspace": the one complained of
            mine = {r.actor.id for r in subjects}
            objs = [r for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in SUBJ
                    for r in self.actors(g, role="subj") if r.actor.id not in mine][:1]
            if objs:
                used = "that"
        if objs and lemma == "join" and cue.relation == "MEMBER_OF" and all(r.actor.kind in ("STATE", "PERSON") for r in objs):
            return  # "France recognised Palestine, joining Britain and Canada": alongside them, in no body
        if objs and cue.relation == "LEADS" and lemma == "lead" and all(r.how == "group" for r in objs) and any(
                p.dep_ == "prep" and p.lower_ in ("to", "into", "toward", "towards", "through") for p in verb.children):
            return  # "led thousands of nationalists to the compound": a march, no command of a body
        if objs and cue.relation == "LEADS":
            # "led the coalition against the Houthis": the foe of what is led is not led
            objs = [r for r in objs if not any(a.dep_ == "prep" and a.lower_ in ("against", "over")
                                               for a in self.m.doc[r.start].ancestors if verb.i < a.i < r.start)]
            if not objs:
                return
        if objs and cue.relation == "LEADS" and used in OBJECT_PREPS:
            # "drones headed for Israel", "talks that led to a deal": a course, not a command
            return
        if subjects and not objs and cue.relation == "LEADS":
            objs = self.led_coalition(verb, subjects)
        if objs and used == "against" and (cue.relation in COOPERATIVE or cue.relation == "AGREE") and not (
                complement is not None and self.content_relation(complement) in (*MATERIAL_CONFLICT, "THREATEN")):
            # "Turkey and Iraq agreed to cooperate against the PKK": a common foe, not the partner
            # ("vowed to retaliate against Israel" keeps its foe: a threat)
            objs, used = [], ""
        if subjects and not objs and cue.relation == "THREATEN":
            objs = self.conditional_party(verb, {r.actor.id for r in subjects})
        if subjects and not objs and cue.relation in ("PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "REJECT"):
            objs = self.purpose_objects(verb, {r.actor.id for r in subjects})
        # joint acts run both ways: "A clashed with B" is also B clashing with A (dev coding)
        # (not when the party came from a governed clause: "agreed not to attack Israel")
        # (nor a departure: "split from X" is one side leaving)
        joint = cue.words.split()[0] in ex.mutual or lemma in ex.mutual or (
            bool(inner) and complement is not None and complement.lemma_.lower() in ex.mutual) or (
            # "A and B reached an agreement": the cue's own thing is joint
            cue.relation == "AGREE" and any(w in ex.mutual for w in cue.words.split()[1:]))
        if objs and used in LOCATIVE and joint and several(subjects):
            objs, used = [], ""  # "Saudi Arabia and Iran agreed in Beijing to ...": with each other, there
        mutual = joint and not (inner and objs) and used != "from"  # ("pledged to coordinate": a joint act promised)
        if len(subjects) > 1 and not objs and self.reciprocal(verb):
            mutual = True  # "Israel and Hamas blamed each other": each the other
        if several(subjects) and not objs and cue.relation not in (*STANCES, "ACCUSE", "REQUEST") and any(
                w.lemma_.lower() in ex.mutual and w.pos_ == "NOUN"
                and not any(p.dep_ == "prep" and p.lower_ == "between" for p in c.children)
                for d in verb.children if d.dep_ == "dobj" for c in (d, *self.counted(d)) for w in (c, *c.lefts)):
            # ("held a fifth round of talks": the counted thing; not "welcomed the ceasefire",
            # "urged the warring parties": a stance on it or a request, no act toward each other)
            mutual = True  # "both A and B violated the truce": a joint thing, so toward each other
        if subjects and not objs and not (mutual and len(subjects) > 1) and RELATIONS[cue.relation].family == "event" \
                and not self.avenges(verb) and lemma not in ex.warning \
                and lemma not in ex.topic_verbs:  # (what is discussed names no one discussed with)
            # the verb's own object naming people of the agents' state comes before anything near
            objs = self.office_left(verb, subjects) or self.own_group(verb, subjects) or \
                self.nearby_party(verb, {r.actor.id for r in subjects}, where_only=cue.relation not in CAPITAL_PARTIES,
                                  stance=cue.relation in STANCES)
            if objs and objs[0].how == "office":
                place_note = "office left"
            elif objs and objs[0].how != "own group":
                used = "near"
            elif not objs and cue.relation not in STANCES:
                # (a stance taken on something done in a place is none toward its state: "approved
                # the expansion of operations in Rafah", "rejected the plan for Gaza")
                objs, place_note = self.place_party([verb], subjects, cue.relation)
        if subjects and not objs and cue.relation in MATERIAL_CONFLICT:
            objs = self.until_party([verb, *chain[:1]], {r.actor.id for r in subjects})
        if objs and (used in LOCATIVE or place_note) and mutual:
            if len(subjects) > 1:
                objs = []  # "Israel and Hezbollah clashed in southern Lebanon": each other, there
            else:
                mutual = False  # "fights militants in Sinai": where it is fought does not fight back
        if not objs and subjects:
            # "withdrew fighters from the border under the ceasefire with Israel": with no party
            # of its own, the act done under a deal is toward the deal's other side
            mine = {r.actor.id for r in subjects}
            objs = [r for p in verb.children if self.pressed_under(p) for o in prep_objects_of(p)
                    for w in o.children if w.dep_ == "prep" and w.lower_ == "with"
                    for g in prep_objects_of(w) for r in self.actors(g) if r.actor.id not in mine]
        if not subjects or not (objs or (mutual and len(subjects) > 1)):
            return
        if cue.relation == "RETREAT" and used == "to" and self.handover(verb, giving=True, verbs={lemma}):
            # "released hostages to the Red Cross": an aid group takes them over for the other
            # side; it is no party the release yields to
            objs = [r for r in objs if r.actor.kind not in GO_BETWEEN_KINDS]
            if not objs:
                return
        negated, hedged, intent, notes = self.qualifiers(verb, chain)
        objs = [self.home_place(r, subjects) or r for r in objs]
        if place_note:
            notes.append(place_note)
        for how in ("own people", "home place", "own group"):
            if any(r.how == how for r in objs):
                notes.append(how)
        base = cue.relation
        if moved_out and base != "RETREAT":
            base = "RETREAT"
            notes.append(f"moved {used} -> RETREAT")
        if complement is not None and governs and lemma in COMMITMENTS and any(
                c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ex.negations)
                for c in complement.children):
            base = "REJECT"  # "vowed to never recognize Israel": a standing refusal
            notes.append(f"{lemma} never -> REJECT")
        elif complement is not None and governs and lemma in COMMITMENTS and base == "AGREE" \
                and self.content_relation(complement) in MATERIAL_CONFLICT:
            base = "THREATEN"  # "vowed to continue operations against X": a hostile intent
            notes.append(f"{lemma} to fight -> THREATEN")
        if base in ESCALATION and chain and verb.dep_ == "xcomp" and self.deescalates(chain[0]):
            base = "RETREAT"  # "stopped attacking X", "ceased shelling X": a step back from it
            notes.append(f"{chain[0].lemma_.lower()} {cue.relation} -> RETREAT")
        if base == "CONSULT" and lemma in ex.arrivals:
            # troops arriving are deployed there: peacekeepers aid, other forces mobilize
            moving = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree
                      if t.lemma_.lower() in ex.forces or t.lemma_.lower() in ex.units]
            if moving:
                peace = any(t.lower_.startswith("peacekeep") for c in verb.children if c.dep_ == "nsubj"
                            for t in c.subtree)
                base = "AID" if peace else "MOBILIZE"
                notes.append(f"forces {lemma} -> {base}")
        moved = [c for c in verb.children if c.dep_ == "dobj"]
        if base == "AID" and lemma in ex.theme and self.forces_to_border(moved, verb):
            base = "MOBILIZE"
            notes.append("forces to a border or own post -> MOBILIZE")
        if base in ("AID", "MOBILIZE") and lemma in ex.theme and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ex.envoys for c in verb.children):
            base = "CONSULT"  # "sent a delegation to Cairo": an envoy sent is contact, no aid
            notes.append(f"envoy {lemma} -> CONSULT")
        if base == "AID" and lemma in ex.theme and self.forces_at_home(moved, subjects, objs):
            base = "MOBILIZE"
            notes.append("forces at home -> MOBILIZE")
        if base == "AID" and lemma in ex.theme and (into := (
                used if used in ("into", "against") and self.combat_forces(moved)
                else self.forces_into(moved, verb))):
            # "sent an armored division into Jordan", "sent tanks into Gaza" (a place, not a
            # party, after "into"): forces moved into another's land mobilize
            base = "MOBILIZE"
            notes.append(f"forces {into} -> MOBILIZE")
        if base == "REQUEST" and lemma == "order" and all(
                self.domestic(s, base, o).actor.country == s.actor.country and s.actor.kind in STATE_BOUND
                for s in subjects for o in objs):
            base = "COERCE"  # "the government ordered the newspaper to close": an order at home compels
            notes.append("order at home -> COERCE")
        if negated and self.keeps_open(verb) and any(
                c.dep_ == "dobj" and (act := self.noun_cue(c)) is not None and act.relation in MATERIAL_CONFLICT
                for c in verb.children):
            # "has not ruled out strikes on X": the act kept open is a threat to X
            base, negated, hedged = "THREATEN", False, True
            notes.append("not ruled out -> THREATEN")
        relation, intent_note = self.intent_relation(base, verb, intent, negated)
        if relation == "THREATEN" and base != "THREATEN":
            mutual = False  # "vowed to keep fighting X": an intention is one side's
        if relation in MATERIAL_CONFLICT and verb.dep_ in ("advcl", "acl", "relcl") and infinitive(verb):
            mutual = False  # "sent troops to fight the PKK", "a centre to fight IS": an aim is one side's
        if relation == "AGREE" and base != "AGREE" and len(subjects) == 1:
            mutual = False  # "Beirut was ready to negotiate with Israel": Beirut's offer alone
        predicate = " ".join([verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
                             + ([used] if used else []) + ([noun.text] if noun_object and noun is not None else []))
        if inner:
            predicate += " " + inner[1:]
        evidence = (f"verb:{words}{inner}" + (f"+{noun.lemma_.lower()}" if noun_object and noun is not None else "")
                    + f" -> {relation} (lexicon {cue.relation.lower()}.{cue.words}){intent_note}"
                    + (f" [{', '.join(notes)}]" if notes else ""))
        conf = 0.8 if not chain else 0.7
        if any(r.how == "alleged" for r in subjects):
            hedged = True  # its author only as blamed
        objs = self.not_own_side_reported(verb, subjects, objs)  # (whatever path found them)
        if lemma in ex.departing and subjects and all(r.actor.kind == "PERSON" for r in subjects):
            objs = [r for r in objs if r.how != "capital"]  # "Haftar left Moscow": a visit ended
        if lemma in ex.launching:
            # "fired rockets from Lebanon", "launched drones from Yemen at Israel": where from
            origin = {t.i for w in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                      for p in w.children if p.dep_ == "prep" and p.lower_ == "from" for t in p.subtree}
            objs = [r for r in objs if r.start not in origin]
        self.add(subjects, relation, objs, predicate, evidence, conf, negated, hedged, mutual)
        self.remember_event(verb, subjects, negated or hedged, relation)
        if relation in ("REJECT", "AGREE") and not negated:
            self.answered_request(verb, subjects)
        # "ambushed an Israeli patrol": a unit named as the party is no event of its own
        self.consumed.update(r.end - 1 for r in objs if self.noun_cue(self.m.doc[r.end - 1]))

    def answered_request(self, verb: Token, answerers: list[Ref]) -> None:
        """'Netanyahu rejected calls from Macron for a ceasefire', 'Egypt turned down a US
        request': a request answered was made to the one answering it, by its author."""
        for thing in verb.children:
            cue = self.noun_cue(thing) if thing.dep_ == "dobj" else None
            if cue is None or cue.relation != "REQUEST":
                continue
            # ("dismissed US calls for Iran to abandon enrichment": made to Iran, named there)
            asked = [r for p in thing.children if p.dep_ == "prep" and p.lower_ in ("for", "on")
                     for o in prep_objects_of(p) for r in self.actors(o, deep=False)
                     if any(a.dep_ in ("acl", "relcl") or a.lower_ == "to" for a in o.children)] or [
                r for c in thing.children if c.dep_ in ("advcl", "acl") and any(
                    m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for sub in c.children if sub.dep_ == "nsubj" for r in self.actors(sub, deep=False)]
            self.add(self.event_author(thing, {a.actor.id for a in answerers}), "REQUEST", asked or answerers, thing.text,
                     f"noun:{cue.words}+answered by {' '.join([verb.lemma_.lower(), *particles(verb)])} -> REQUEST "
                     f"(lexicon {cue.relation.lower()}.{cue.words})", 0.6, False, False)

    def content_relation(self, complement: Token) -> str | None:
        """The relation of what a governed clause does: its verb's cue, or through a plain
        control verb ("continue operations", "keep fighting") its object's or complement's."""
        lemma = complement.lemma_.lower()
        if (self.deescalates(complement) or lemma in self.ex.reversal) and any(
                c.dep_ == "dobj" and (act := self.noun_cue(c)) is not None and act.relation in ESCALATION
                for c in complement.children):
            return "RETREAT"  # "vowed to halt attacks on X": a step back from X, no threat
        cue = self.verb_cue(complement)[0]
        if cue is not None:
            return cue.relation
        # ("escalate attacks on X", "intensify strikes": a light verb that keeps the act going)
        carries = lemma in self.ex.light and not self.deescalates(complement) and lemma not in (
            self.ex.reversal | self.ex.refusing | self.ex.labels)
        if lemma in self.ex.plain_control or carries:
            for c in complement.children:
                if c.dep_ == "dobj" and (noun := self.noun_cue(c)) is not None:
                    return noun.relation
                if c.dep_ == "xcomp" and (inner := self.verb_cue(c)[0]) is not None:
                    return inner.relation
        return None

    def companions(self, verb: Token, subjects: list[Ref], chain: list[Token]) -> None:
        """'Hezbollah fought alongside Syrian government forces': who acts alongside the
        agents cooperates with them (and is no party of the act)."""
        mine = {r.actor.id for r in subjects}
        allies = [r for c in verb.children if c.dep_ == "prep" and c.lower_ == "alongside"
                  for p in c.children if p.dep_ == "pobj" for r in self.actors(p) if r.actor.id not in mine]
        if subjects and allies:
            negated, hedged, _intent, _notes = self.qualifiers(verb, chain)
            self.add(subjects, "COOPERATE", allies, f"{verb.text} alongside",
                     f"verb:{verb.lemma_.lower()}+alongside -> COOPERATE (companion)", 0.6, negated, hedged)
        # "Russian mercenaries fought on behalf of Haftar / on Haftar's behalf": done for X,
        # so X's support
        served = []
        for behalf in (b for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in")
                       for b in c.children if b.dep_ == "pobj" and b.lower_ == "behalf"):
            refs = self.prep_objects(behalf, ("of",))[0] or [
                r for m in behalf.lefts if m.dep_ == "poss" for r in self.modifier_actors(m)]
            served += [r for r in refs if r.actor.id not in mine]
        if subjects and served:
            negated, hedged, _intent, _notes = self.qualifiers(verb, chain)
            self.add(subjects, "SUPPORT", served, f"{verb.text} on behalf of",
                     f"verb:{verb.lemma_.lower()}+on behalf of -> SUPPORT (done for)", 0.6, negated, hedged)

    def labelling(self, verb: Token) -> bool:
        """'Syria called the attacks an act of Israeli aggression': labelling an act
        as a hostile one accuses its author (ACCUSE), whatever the verb's own cue."""
        agents, _, chain = self.subject(verb)
        if not agents:
            return False
        exclude = {r.actor.id for r in agents}
        maker = [r for r in self.move_author(verb) if r.actor.id not in exclude]
        for child in verb.children:
            if child.dep_ not in ("oprd", "attr", "ccomp", "xcomp", "prep", "dobj"):
                continue
            if child.dep_ == "prep" and child.lower_ != "as":
                continue  # "regards X as a threat" labels; "called for an end to X" asks
            if child.dep_ in ("ccomp", "xcomp") and infinitive(child):
                continue  # "called Trump to demand guarantees that such an attack ...": a purpose, no label
            for t in child.subtree:
                cue = self.noun_cue(t)
                if cue is None or RELATIONS[cue.relation].score >= 0:
                    continue
                if maker:
                    # "a move condemned by Egypt as a threat to Sudan's unity": the move's maker
                    objects = maker
                elif t.dep_ == "dobj" and t.head.i == verb.i:
                    # "condemned the strikes (on X)": the act labelled is blamed on its author only
                    objects = self.event_author(t, exclude)
                    if not objects:
                        continue
                else:
                    # (a place the act is named by is where, not who: "the Gaza offensive")
                    objects = [r for r in self.noun_party(t, exclude) if r.how not in ("place", "capital")
                               and not any((m := self.m.matches.get(w.i)) is not None and m.how == "place"
                                           for w in self.m.doc[r.start:r.end])]
                if not objects:
                    # "considering Iranian presence in Syria as a threat": the thing labelled
                    objects = [r for d in verb.children if d.dep_ == "dobj" and d is not t
                               for r in self.actors(d, deep=False) if r.actor.id not in exclude]
                if objects:
                    # the labelled act itself stays an event: condemning the Houthis' detention
                    # of X presupposes that they detained X
                    self.consumed.update(c.i for c in verb.children if c.dep_ == "dobj" and c is not t
                                         and not self.noun_cue(c))
                    negated, hedged, _, _notes = self.qualifiers(verb, chain)
                    self.add(agents, "ACCUSE", objects, f"{verb.text} ... {t.text}",
                             f"label:{verb.lemma_.lower()}+{cue.words} -> ACCUSE (lexicon "
                             f"{cue.relation.lower()}.{cue.words})", 0.65, negated, hedged)
                    return True
        return False

    def received_help(self, verb: Token) -> bool:
        """Is the verb's object help or a thing got ('received drones', 'receives most of
        its funding'), rather than a visitor ('received Netanyahu', 'a delegation')?"""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            # "most of its funding", "dozens of drones": the thing counted
            part = obj.pos_ in ("ADJ", "NUM", "PRON") or obj.lemma_.lower() in self.ex.counting
            things = [obj, *(o for p in obj.children if part and p.dep_ == "prep" and p.lower_ == "of"
                             for o in prep_objects_of(p))]
            for thing in (t for t in things for t in (t, *t.conjuncts)):
                cue = self.noun_cue(thing)
                if (cue is not None and cue.relation == "AID") or thing.lemma_.lower() in self.ex.gettable:
                    return True
        return False

    def phone_call(self, verb: Token) -> bool:
        """'Erdogan called Putin on Tuesday', 'called President Trump to demand
        guarantees': calling an actor with no label or particle is a call to it."""
        if verb.lemma_.lower() != "call" or particles(verb) or any(
                c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ in ("as", "for", "on", "upon")
                                                and (c, c.lower_) in verb_preps(verb))  # (not "on Tuesday")
                or (c.dep_ == "ccomp" and not infinitive(c))
                for c in verb.children):
            return False
        # the one called is the object word itself, a known actor ("called Iran's bluff", "called
        # Netanyahu Hitler" misparsed, are no calls); a state or government called 'to' do
        # something is asked to do it, unless what follows is said to it ("to discuss", "to urge")
        purpose = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and infinitive(c)), None)
        said = purpose is None or purpose.lemma_.lower() in self.ex.speech or (
            (cue := self.verb_cue(purpose)[0]) is not None and cue.relation in ("CONSULT", "REQUEST"))
        # ("called the Iranian president": a person in office, named by the state)
        return any(r.actor.curated and r.start <= c.i < r.end and (
                   (r.how in ("name", "alias") and (r.actor.kind == "PERSON" or (r.actor.kind in CALLED_KINDS and said)))
                   or (r.how == "demonym" and c.lower_ in self.ex.titles and r.actor.kind in CALLED_KINDS))
                   for c in verb.children if c.dep_ == "dobj" for r in self.actors(c, deep=False))

    def cue_noun(self, verb: Token, words: str) -> Token | None:
        """The object noun named in a three-word cue ("withdraw from agreement")."""
        parts = words.split()
        if len(parts) < 3:
            return None
        for prep, _words in verb_preps(verb):
            if prep.lower_ == parts[-2]:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() == parts[-1]:
                        return pobj
        return None

    def event_author(self, noun: Token, exclude: set[str]) -> list[Ref]:
        """Who carried out the act an event noun names: its possessor or actor
        modifier ("Serbia's suppression", "the Israeli occupation") or its 'by' /
        'from' phrase, never the party it was done to."""
        for mod in noun.lefts:
            if mod.dep_ in ("poss", "amod", "compound", "nmod") and not self.noun_cue(mod):
                refs = [r for r in self.modifier_actors(mod) if r.actor.id not in exclude]
                if refs:
                    return refs
        refs, _ = self.prep_objects(noun, ("by", "from"))
        refs = refs or self.performed_by(noun)
        # "denounced the deals": a bare definite event noun is the one told before, by its agents
        refs = refs or self.event_anaphor(noun)
        return [r for r in refs if r.actor.id not in exclude]

    def noun_party(self, noun: Token, exclude: set[str]) -> list[Ref]:
        """The actor an event noun is about or comes from: 'North Korea's demand',
        'calls by Kofi Annan', 'the withdrawal of Serbian forces', 'an Indian proposal'."""
        candidates = [m for m in noun.lefts if m.dep_ in ("poss", "amod", "compound", "nmod")]
        for mod in candidates:
            refs = [r for r in self.m.resolve(mod) if r.actor.id not in exclude]
            if refs:
                return refs
        # "the withdrawal of Serbian forces from Bosnia": the noun's own actor before its source
        # never from inside another event's phrase: "an investigation into the killing of X"
        cue = self.noun_cue(noun)
        refs, _ = self.prep_objects(noun, ("by", "of", "from", *OBJECT_PREPS), into_events=False,
                                    where_only=cue is not None and cue.relation not in CAPITAL_PARTIES)
        refs = [r for r in refs if r.actor.id not in exclude]
        if refs:
            return refs
        return [r for r in self.m.resolve(noun) or self.event_anaphor(noun) if r.actor.id not in exclude]

    def violation_in_speech(self, verb: Token) -> None:
        """'Hamas said Israel had violated the ceasefire': a breach one side reports of
        another accuses it (ACCUSE), whatever the breach itself is coded as."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if verb.dep_ == "relcl":
            # "a move the UN said violated international law", parsed with 'violated' on 'move'
            clauses += [c for c in verb.head.children if c.dep_ == "acl" and c.i > verb.i
                        and not any(s.dep_ in SUBJ for s in c.children)]
        for clause in clauses:
            unlawful = clause.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in self.ex.unlawful
                                                     for c in clause.children)
            # "said the RSF had committed genocide / war crimes"
            crime = clause.lemma_.lower() == "commit" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.ex.crimes for c in clause.children)
            if not (clause.lemma_.lower() in self.ex.violating or unlawful or crime):
                continue
            speakers = self.subject(verb)[0]  # ("..., saying Israel had violated the terms")
            mine = {r.actor.id for r in speakers}
            violators = [r for s in clause.children if s.dep_ == "nsubj"
                         for r in self.act_of_which(s, verb) or self.actors(s, role="subj")
                         if r.actor.id not in mine]
            if not violators and not any(s.dep_ in SUBJ and s.tag_ not in ("WDT", "WP")
                                         and s.lower_ not in ("that", "which") for s in clause.children):
                # "a move the UN said violated international law", "a step the EU said was
                # illegal", "a decision that France said violated ...": the move's maker
                violators = [r for r in self.move_author(verb) if r.actor.id not in mine]
            negated, hedged, _, _ = self.qualifiers(verb, self.subject(verb)[2])
            word = next((c.lower_ for c in clause.children if c.dep_ == "acomp"), "") if unlawful else clause.lemma_.lower()
            self.add(speakers, "ACCUSE", violators, f"{verb.text} ... {clause.text}",
                     f"speech:{verb.lemma_.lower()}+{word} -> ACCUSE "
                     f"(lexicon {'unlawful_adjectives' if unlawful else 'crime_nouns' if crime else 'violating_verbs'})",
                     0.6, negated, hedged)

    def act_of_which(self, pronoun: Token, verb: Token) -> list[Ref]:
        """'launched strikes on the PKK, which Iraq said violated its sovereignty': 'which'
        hung on the target inside an act's phrase is that act, so its author."""
        if pronoun.tag_ != "WDT" or verb.dep_ != "relcl":
            return []
        target = verb.head
        if target.dep_ != "pobj" or target.head.dep_ != "prep" or self.noun_cue(target.head.head) is None:
            return []
        act = target.head.head
        return self.event_author(act, set()) or (
            self.subject(act.head)[0] if act.dep_ == "dobj" and act.head.pos_ == "VERB" else [])

    def demand_in_speech(self, verb: Token) -> None:
        """'X said Sudan must return ...' is a demand by X on Sudan."""
        for c in verb.children:
            if c.dep_ != "ccomp":
                continue
            if not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
                continue
            targets = [s for s in c.children if s.dep_ in SUBJ]
            speakers = [s for s in verb.children if s.dep_ == "nsubj"]
            if targets and speakers:
                askers = self.actors(speakers[0])
                # ("Aoun said the state alone must hold weapons": his own state's duty, asked of no one)
                homes = {r.actor.country for r in askers}
                self.add(askers, "REQUEST", [r for r in self.actors(targets[0])
                                             if not (r.actor.kind == "STATE" and r.actor.country in homes)],
                         f"{verb.text} ... must {c.text}", f"speech:{verb.lemma_}+must -> REQUEST",
                         0.6, False, True)

    @staticmethod
    def shifted_object(verb: Token) -> Token | None:
        """'denounced as an ugly crime Serbia's suppression of ...', 'rejected as unacceptable
        Israel's annexation': the object moved after a long 'as' label, parsed as a second
        object of 'as' (or as one phrase with the label's adjective)."""
        if any(c.dep_ == "dobj" for c in verb.children):
            return None
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i != verb.i + 1:
                continue
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            if len(pobjs) >= 2:
                return pobjs[-1]
            if pobjs and pobjs[0].left_edge.dep_ == "amod" and pobjs[0].left_edge.pos_ == "ADJ" and any(
                    c.dep_ == "poss" for c in pobjs[0].children):
                return pobjs[0]
        return None

    def sponsored(self, verb: Token) -> bool:
        """'the Iran-backed Houthis', 'Turkish-backed rebels': a help participle hyphened to its
        giver, modifying the one helped. Whatever the phrase does, the giver helps it."""
        if verb.dep_ != "amod" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
            return False
        cue = self.verb_cue(verb)[0]
        if cue is None and verb.lemma_.lower() in ("align", "ally"):
            cue = self.ex.cues.tie.get("align with")  # "Iran-aligned militias": allies of Iran
        if cue is None or cue.relation not in ("SUPPORT", "AID", "ALLY_OF"):
            return False
        # the one named by the modified noun itself, not by its phrases ("Iranian-backed militia
        # sites in Syria" back no Syria)
        head = verb.head
        in_phrases = {r.actor.id for p in head.children if p.dep_ == "prep"
                      for o in prep_objects_of(p) for r in self.m.resolve(o)}
        helped = [r for r in self.m.resolve(head) if r.actor.id not in in_phrases]
        if all(r.how == "group" for r in helped):
            # "Iran-backed groups, including Kataib Hezbollah": the groups named; "Kataib
            # Hezbollah, one of the Iran-aligned militias", "X is an Iran-backed militia", "X,
            # an umbrella of Tehran-backed factions": the one the phrase describes
            whole = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
            helped = self.listed_including(head) or [r for r in self.described(head) if r.how != "group"] or (
                [r for r in self.described(whole) if r.how != "group"] if whole is not None and whole.pos_ in ("NOUN", "NUM")
                else []) or helped
        named = self.m.matches.get(head.i + 1)
        if named is not None and named.start == head.i + 1 and named.actor.curated \
                and named.actor.kind != "PERSON" and all(not r.actor.curated for r in helped):
            helped = [named]  # "Iran-backed group Kataib Hezbollah": the group named right after
        givers = []
        for c in verb.children:
            if c.dep_ in ("npadvmod", "amod", "compound") and c.i < verb.i:
                refs = [r for r in self.modifier_actors(c) if all(r.actor.id != h.actor.id for h in helped)]
                # ("the Iran-backed Houthis" is one of the Houthis' names: its giver is read alone)
                named = self.ex.gazetteer.lookup(c.text) or self.ex.gazetteer.demonym(c.text)
                givers += refs or ([Ref(named, c.i, c.i + 1, c.text, "name", 0.8)] if named else [])
        helped = [r for r in helped if all(r.actor.id != g.actor.id for g in givers)]
        if not givers or not helped:
            return False
        predicate = " ".join(t.text for t in self.m.doc[verb.left_edge.i:verb.i + 1])
        self.add(givers, cue.relation, helped, predicate,
                 f"participle:{cue.words} -> {cue.relation} (lexicon {cue.relation.lower()}.{cue.words})",
                 0.6, False, False)
        return True

    def members_listed(self, verb: Token) -> bool:
        """'the GCC, which includes Saudi Arabia and Qatar', 'the Quartet is made up of X
        and Y': the actors a bloc or an international body lists are its members."""
        base = " ".join([verb.lemma_.lower(), *particles(verb)])
        listed = [c for c in verb.children if c.dep_ == "dobj"] if base in self.ex.membership else []
        predicate = " ".join([verb.text, *particles(verb)])
        for prep, words in verb_preps(verb):
            if f"{base} {words}" in self.ex.membership:
                listed += [c for c in prep.children if c.dep_ == "pobj"]
                predicate = f"{predicate} {words}"
        lexicon = "membership_verbs"
        # "Saudi Arabia, Qatar and Oman make up the GCC": the subjects are the members (not
        # the passive "is made up of X", listed above)
        members_first = base in self.ex.member_verbs and not listed and not any(
            c.dep_ == "auxpass" for c in verb.children)
        agents, patients, chain = self.subject(verb) if listed or members_first else ([], [], [])
        if members_first:
            listed, lexicon = [c for c in verb.children if c.dep_ == "nsubj"], "member_verbs"
            # the body named by the object word itself ("made up the Syrian army's spearhead": no)
            agents = [r for c in verb.children if c.dep_ == "dobj" for r in self.actors(c, deep=False)
                      if r.start <= c.i < r.end and r.how in ("name", "alias")]
        if not listed:
            return False
        # a bloc or body, or a group of armed groups ("the PMF, an umbrella that includes KH")
        bodies = [r for r in agents or patients if r.actor.kind in ("COALITION", "IGO", "ARMED_GROUP", "MILITARY")]
        if not bodies:
            return False
        # "22 member states, including Egypt": the ones a count names
        listed += [o for t in listed for p in t.children if p.dep_ == "prep" and p.lower_ == "including"
                   for o in p.children if o.dep_ == "pobj"]
        members = [r for t in listed for r in self.actors(t)
                   if r.actor.kind not in ("PERSON",) and all(r.actor.id != b.actor.id for b in bodies)
                   # (a group lists groups; a state is in no militia)
                   and (any(b.actor.kind in ("COALITION", "IGO") for b in bodies) or r.actor.kind != "STATE")]
        negated, hedged, _, _ = self.qualifiers(verb, chain)
        self.add(members, "MEMBER_OF", bodies, predicate,
                 f"verb:{base} -> MEMBER_OF (lexicon {lexicon})", 0.7, negated, hedged)
        return bool(members)

    def light_noun(self, verb: Token) -> Token | None:
        shifted = self.shifted_object(verb)
        for child in [*verb.children, *([shifted] if shifted is not None else [])]:
            if child.dep_ in ("dobj", "attr") or child is shifted:
                # "launched artillery, mortar, and rocket fire against X": the cue may be a conjunct
                conjuncts = child.conjuncts if verb.lemma_.lower() in self.ex.light else ()
                for noun in (child, *conjuncts):
                    for event in (noun, *self.counted(noun)):
                        if self.noun_cue(event):
                            return event
        return None

    def counted(self, noun: Token) -> list[Token]:
        """'rockets' in 'dozens of rockets', 'missiles' in 'a barrage of missiles'."""
        if noun.pos_ != "NUM" and noun.lemma_.lower() not in self.ex.counting:
            return []
        return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]

    def adjective(self, adj: Token) -> None:
        """'hostile to', 'allied with', 'affiliated with' as adjectives, and
        'is eager/open/ready to ...' (handled by the complement's verb)."""
        lemma = adj.lemma_.lower()
        for prep in adj.children:
            if prep.dep_ != "prep":
                continue
            key = next((k for k in (f"{adj.lower_} {prep.lower_}", f"{lemma} {prep.lower_}")
                        if k in self.ex.cues.tie or k in self.ex.cues.verb), None)
            if key is None:
                continue
            cue = self.ex.cues.tie.get(key) or self.ex.cues.verb[key]
            # the phrase itself names the other side: "close to a deal with Hamas" is near a
            # deal, not close to Hamas
            objs = self.actors(next((c for c in prep.children if c.dep_ == "pobj"), None), deep=False)
            if adj.dep_ in ("amod", "acl", "appos") and adj.head.pos_ in ("NOUN", "PROPN"):
                subjects = self.actors(adj.head, deep=False)
            else:
                subjects, patients, _ = self.subject(adj)
                subjects = subjects or patients
            negated, hedged, _, _notes = self.qualifiers(adj, [])
            self.add(subjects, cue.relation, objs, f"{adj.text} {prep.text}",
                     f"adj:{key} -> {cue.relation} (lexicon {cue.relation.lower()}.{cue.words})",
                     0.7, negated, hedged)

    # -- nouns -------------------------------------------------------------------
    def noun_cue(self, noun: Token) -> Cue | None:
        if noun.i not in self._noun_cues:
            self._noun_cues[noun.i] = self._noun_cue(noun)
        return self._noun_cues[noun.i]

    def _noun_cue(self, noun: Token) -> Cue | None:
        cue = self._noun_cue_any(noun)
        moved = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in prep_objects_of(p)] \
            + [m for m in noun.lefts if m.dep_ == "compound"]
        if cue is not None and cue.words in self.ex.goods_bound and moved and not self.moves_help(moved, cue.words):
            return None  # "the sale of oil", "an airlift of Americans out of Israel" ("an airlift to Israel": help)
        return cue

    def _noun_cue_any(self, noun: Token) -> Cue | None:
        if noun.pos_ not in ("NOUN", "PROPN") and not (
                noun.pos_ == "ADJ" and noun.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")) and not gerund_event(noun) or (
                noun.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
                # (a common noun opening a sentence that NER took for a name: "Strikes by Israel")
                and not (noun.tag_ in ("NN", "NNS") and noun.is_sent_start)):
            return None
        table = self.ex.cues.noun
        lemma = noun.lemma_.lower()
        for mod in noun.lefts:
            if mod.dep_ in ("compound", "amod"):
                key = f"{mod.lower_} {lemma}"
                if key in table:
                    return table[key]
                key = f"{mod.lower_} {noun.lower_}"
                if key in table:
                    return table[key]
        for prep in noun.children:  # "state of emergency"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and f"{lemma} of {pobj.lemma_.lower()}" in table:
                        return table[f"{lemma} of {pobj.lemma_.lower()}"]
        if noun.tag_ == "NNS" and lemma in self.ex.singular_events:
            return None
        cue = table.get(lemma) or table.get(noun.lower_)
        if cue is None and lemma in self.ex.gettable and self.acquired(noun):
            return Cue(lemma, "AID", "noun", "a thing got from a giver")
        return cue

    def acquired(self, noun: Token) -> bool:
        """'received missiles and drones from Iran', 'bought dozens of jets from Russia': a thing
        (weapons, money, goods) the verb's subject gets (a weapon fired at someone is no aid)."""
        while noun.dep_ == "conj":
            noun = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj" and (
                noun.head.head.pos_ == "NUM" or noun.head.head.lemma_.lower() in self.ex.counting):
            noun = noun.head.head  # "dozens of drones"
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.ex.acquiring
    def nominal_objects(self, noun: Token, leaving: bool = False, home: str | None = None,
                        where_only: bool = False) -> list[Ref]:
        """The other party of an event noun; for a departure ('withdrawal from X')
        the place or party left. `home`: the agents' own country, which 'in X' only
        locates ("Houthi operations inside Yemen")."""
        preps = ("from", *OBJECT_PREPS) if leaving else OBJECT_PREPS
        skip = {"by"} if leaving else {"by", "from"}
        cue = self.noun_cue(noun)
        if cue is not None and cue.relation in ("CONSULT", "AGREE", "COOPERATE") and (
                noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual):
            # "talks with Turkey on Syria": what is talked over (not "war on X"); "cooperation
            # against the PKK": a common foe, no partner
            skip = skip | TOPIC_PREPS | {"against"}
        refs, used = self.prep_objects(noun, preps, skip=skip, into_events=False, where_only=where_only)
        if refs and home is not None and used in LOCATIVE and all(
                r.actor.kind == "STATE" and r.actor.country == home for r in refs):
            refs, used = self.prep_objects(noun, preps, skip=skip | {used}, into_events=False, where_only=where_only)
        if refs:
            return refs
        # "an inquiry into the killing of X" is no act on X, but "protests against the
        # occupation by Y" are aimed at Y: another event noun gives only its author (not
        # "with Russian air support": help the agent had)
        for prep in preps:
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == prep and prep not in skip and prep != "with":
                    for pobj in prep_objects_of(child):
                        if self.noun_cue(pobj) and (refs := self.event_author(pobj, set())):
                            return refs
        return []

    def nominal(self, noun: Token, light: Token | None = None, relation: str | None = None,
                note: str = "") -> None:
        cue = self.noun_cue(noun)
        if cue is None:
            return
        if noun.dep_ == "dobj" and self.handover(noun.head):
            return  # "received three hostages from Hamas": handed over, not taken hostage again
        self.consumed.add(noun.i)
        if relation is None and noun.lemma_.lower() in self.ex.deescalation_nouns:
            # "announced a suspension of operations against X": a step back from that act
            halted = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "in")
                      for p in c.children if p.dep_ == "pobj" and (inner := self.noun_cue(p)) is not None
                      and inner.relation in ESCALATION and p.i not in self.consumed]
            if halted:
                self.consumed.add(halted[0].i)
                self.events.add(noun.i)
                self.nominal(halted[0], light=light, relation="RETREAT",
                             note=f"{noun.lemma_.lower()} of {self.noun_cue(halted[0]).relation} -> RETREAT")  # type: ignore[union-attr]
                return
        outer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "to", "in") else noun
        if relation is None and cue.relation in ESCALATION and outer.lemma_.lower() in self.ex.deescalation_nouns \
                and outer.i != noun.i and not self.noun_cue(outer):
            # "declared a halt to rocket attacks on X", "a pause in its strikes on X"
            relation, note = "RETREAT", f"{outer.lemma_.lower()} of {cue.relation} -> RETREAT"
            self.consumed.add(outer.i)
            if light is None and outer.dep_ in ("dobj", "attr") and outer.head.pos_ in ("VERB", "AUX"):
                light = outer.head
        # "a maximum pressure strategy on Iran": the event noun modifies a plan for it,
        # which holds the event's place in the sentence
        frame = noun.head if noun.dep_ in ("compound", "nmod", "amod") and noun.head.pos_ == "NOUN" \
            and noun.head.lemma_.lower() in self.ex.frames and not self.noun_cue(noun.head) else noun
        # the agent: a possessor or demonym ("Iran's support", "Israeli strikes"),
        # "by X", or the subject of the verb that launched it
        subjects: list[Ref] = []
        how = ""
        modifiers: list[Ref] = []
        denied = False
        # "granted Assad and his family asylum" parsed as one list: the actors first are who gets
        # the thing, and the words before the thing ("his family") are theirs, not its agent
        given = light is not None and noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "dative") \
            and noun.head.head.i == light.i and bool(self.m.resolve(noun.head))
        # "granted Assad asylum" parsed with 'Assad' hung on 'asylum': the name gets it
        recipients = [r for m in noun.lefts if m.dep_ in ("compound", "nmod") and m.pos_ in ("PROPN", "NOUN")
                      for r in self.m.resolve(m) if r.how in ("name", "alias", "modifier")][:1] \
            if light is not None and not given and light.lemma_.lower() in self.ex.giving and cue.relation == "AID" \
            and light.i < noun.i and self.subject(light)[0] else []
        given = given or bool(recipients)
        if relation is not None and relation != "REJECT" and light is not None \
                and light.lemma_.lower() in self.ex.refusing:
            # "denied Hamas asylum", "denied asylum to X": help refused to one who sought it rejects them
            relation, note = "REJECT", f"{light.lemma_.lower()} {cue.relation} -> REJECT"
        cue_words = set(cue.words.split()[:-1])  # "military" of "military aid" is the cue's, no agent
        for mod in [] if given else [*noun.lefts, *(m for m in frame.lefts if frame is not noun and m is not noun)]:
            if mod.tag_ == "PRP$" and len(self.m.resolve(mod)) > 1:
                continue  # "Czechia and Albania upgraded their ties": theirs, not an act of its own
            if mod.dep_ in ("poss", "amod", "compound", "nmod") and not self.noun_cue(mod) \
                    and mod.lower_ not in cue_words:
                refs = [self.outside_cue(r, mod, cue_words) for r in self.modifier_actors(mod)]
                # "the Saudi-Iran proxy conflict": a pair hung on one another
                refs += [r for c in mod.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")
                         for r in self.modifier_actors(c)]
                # ("Russian and Iranian military aid": each conjunct gives way as the first does)
                refs = refs + [self.outside_cue(r, c, cue_words) for c in mod.conjuncts
                               for r in self.modifier_actors(c)]
                modifiers.extend(r for r in refs if all(r.actor.id != o.actor.id for o in modifiers))
                if refs and not how:
                    how = mod.dep_
        if self.on_behalf(noun, cue):
            return
        mover = light if light is not None else noun.head if noun.dep_ == "dobj" else None
        if cue.relation == "AID" and relation is None and noun.lemma_.lower() in self.ex.forces and not (
                mover is not None and (self.moves_things(mover) or mover.lemma_.lower() in self.ex.giving
                                       or mover.lemma_.lower() in COMMITMENTS)):
            return  # "U.S. troops in Iraq", "has 900 troops in Syria": a presence, not aid sent
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.ex.decline and cue.relation in COOPERATIVE:
            return  # "relations between A and B deteriorated": no cooperation to code
        # "a withdrawal from X" leaves X; "an offer from X" is X's
        leaving = cue.relation == "RETREAT" and relation is None
        # "the killing of X by an Israeli strike on Beirut": the agent of the means, not its target
        by_agent = [r for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for o in prep_objects_of(p)
                    if self.noun_cue(o) is not None for r in self.event_agent(o)]
        if not by_agent:
            by_agent, _ = self.prep_objects(noun, ("by",) if leaving else ("by", "from"))
        if not by_agent and not modifiers and noun.lemma_.lower() in self.ex.killing:
            by_agent = self.performed_by(noun)  # "the killing of X in an Israeli strike"
        if not by_agent and not leaving and light is not None and light.lemma_.lower() in self.ex.receiving:
            # "drawing condemnation from Damascus": the parser may hang the source on the verb
            by_agent = [r for p in light.children if p.dep_ in ("prep", "agent") and p.lower_ in ("from", "by")
                        for o in prep_objects_of(p) for r in self.actors(o)]
        if not by_agent and noun.lemma_.lower() in self.ex.agent_nouns:
            # "Iran, Hezbollah's main backer": the possessor is the one backed, not the backer
            owned = [r for m in noun.lefts if m.dep_ == "poss" for r in self.modifier_actors(m)]
            modifiers = [r for r in modifiers if all(r.actor.id != o.actor.id for o in owned)]
            recipients = recipients or owned
        if not by_agent and noun.lemma_.lower() in self.ex.handed_over and noun.pos_ == "NOUN":
            # "holding Israeli hostages": the nation named is the captives', not their captor's
            recipients, modifiers = recipients or modifiers, []
        alleged_author = False
        blamed = [] if by_agent or modifiers else [
            r for acl in noun.children if acl.dep_ == "acl" and acl.lemma_.lower() in self.ex.blaming
            for p in acl.children if p.dep_ == "prep" and p.lower_ in ("on", "to")
            for o in prep_objects_of(p) for r in self.actors(o)]
        if by_agent:
            # "the Northern Iraq offensive by Islamic State": the modifier is the target
            subjects, how = by_agent, "by"
        elif blamed:
            # "the assassination of X, widely attributed to Israel": its alleged author
            subjects, how, alleged_author = blamed, "blamed", True
        elif modifiers:
            subjects = modifiers
            imposer = light if light is not None else noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None
            if cue.relation == "SANCTION" and imposer is not None and all(r.actor.kind == "IGO" for r in modifiers):
                # "the E3 moved to restore UN sanctions on Iran": the body names the regime;
                # whoever restores or imposes it acts
                doers = [r for r in self.subject(imposer)[0] if r.actor.kind != "IGO"]
                if doers:
                    subjects, how = doers, f"imposed:{imposer.lemma_.lower()}"
        pair_modifiers = len(modifiers) >= 2 and not by_agent  # "the Saudi-Iran proxy conflict"
        joiners: list[Ref] = []
        if subjects and light is not None and light.lemma_.lower() == "join" and relation is None:
            # "Britain joined US strikes on the Houthis": the joiner does it too (the joining's
            # negation is the joiner's alone: "France did not join the US strikes")
            joiners = [r for r in self.subject(light)[0] if all(r.actor.id != o.actor.id for o in subjects)]
        chain: list[Token] = []
        relied: list[Ref] = []
        relying = light is None and frame.dep_ == "pobj" and cue.relation in ("AID", "SUPPORT") and (
            (frame.head.lower_ in ("on", "for") and frame.head.head.pos_ in ("VERB", "ADJ")
             and frame.head.head.lemma_.lower() in self.ex.reliance)
            # "advanced with the backing of Russia", "with Iranian support, the Houthis attacked"
            or (frame.head.lower_ == "with" and frame.head.head.pos_ == "VERB"))
        # (a giver only in a 'from' on the verb, and "received X from Y", are for the rules below)
        having = light is not None and relation is None and cue.relation in ("AID", "SUPPORT") \
            and light.lemma_.lower() in self.ex.having | self.ex.losing and noun.dep_ == "dobj" and not (
                by_agent and light.lemma_.lower() in self.ex.receiving) and bool(subjects or any(
                    p.dep_ == "prep" and p.lower_ == "of" for p in noun.children))
        if relying or having:
            # "Lebanon depends on the support of Iran", "Hezbollah enjoys the backing of Iran":
            # the one relying on or having the help gets it; its giver is the noun's own agent
            # ('of', 'from', 'by', a possessor or demonym)
            gov = light if having and light is not None else frame.head.head
            # (the parser may hang 'from X' on the verb: "relies on financial support from Iran")
            # ("relies on Iran for weapons": the one relied on gives)
            subjects = subjects or [r for p in [*noun.children, *gov.children] if p.dep_ == "prep" and (
                p.lower_ == "of" and p.head.i == noun.i or p.lower_ in ("from", "on") and p.head.i == gov.i
                and p.i != frame.head.i and relying)
                for o in prep_objects_of(p) for r in self.actors(o)]
            relied, _, chain = self.subject(gov)
            relied = [r for r in relied if all(r.actor.id != s.actor.id for s in subjects)]
            if not subjects or not relied:
                return
            chain = [gov, *chain] if relying else chain  # (a light verb is in the chain already)
            how = f"{('with' if frame.head.lower_ == 'with' else 'relied on') if relying else 'had'}:{gov.lemma_.lower()}"
        if not subjects and light is not None and self.joint_between(noun, light, cue):
            return
        if not subjects and light is not None and light.lemma_.lower() in self.ex.brokering - {"negotiate"} and (
                noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual):
            # "Russia and Turkey brokered a ceasefire in Libya": go-betweens, no parties of it
            # (the parties negotiate their own: "Israel and Hamas negotiated a truce")
            return
        if not subjects and light is not None:
            subjects, patients, chain = self.subject(light)
            if not subjects and patients:
                return
            how = f"light:{light.lemma_.lower()}"
        if not subjects and frame.dep_ in ("dobj", "attr", "nsubjpass") and frame.head.pos_ in ("VERB", "AUX"):
            gov = frame.head
            if (gov.lemma_.lower() in self.ex.light or gov.lemma_.lower() in self.ex.governing) \
                    and gov.lemma_.lower() not in self.ex.labels:  # who condemns an attack did not attack
                subjects, _, chain = self.subject(gov)
                how = f"light:{gov.lemma_.lower()}"
                light = gov
        answer = noun.lemma_.lower() in self.ex.answers
        if not subjects and light is None and (cue.relation in AUTHOR_TARGETED or answer) and noun.dep_ == "pobj" \
                and noun.head.lower_ == "in" and not any(c.dep_ in ("det", "poss") for c in noun.children):
            # "went on strike in protest of X", "blocked streets in defiance of X": the manner
            # of the clause's act, so its agent's stance toward X
            gov = noun.head.head
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX"):
                subjects, _, chain = self.subject(gov)
                how = f"in {noun.lemma_.lower()} of"
        if not subjects and light is None and frame.dep_ == "pobj" and frame.head.lower_ == "with" \
                and frame.head.head.pos_ == "VERB" and self.responds(frame.head.head):
            # "the US and Britain responded with strikes on X": the answer is the responder's act
            gov = frame.head.head
            subjects, _, chain = self.subject(gov)
            chain = [gov, *chain]
            how = f"{gov.lemma_.lower()} with"
        if not subjects and light is None and frame.dep_ == "pobj" and frame.head.lower_ == "in" \
                and frame.head.head.lemma_.lower() in self.ex.involvement:
            # "its involvement in the detention of X": who is involved in an act does it
            owner = frame.head.head
            if owner.dep_ == "pobj" and owner.head.lower_ == "for" and any(
                    m.dep_ == "poss" and m.pos_ == "PRON" for m in owner.lefts):
                # "sanctioned X for their role in ...": 'their' is the one sanctioned
                subjects = self.reason_party(owner.head.head)
            if not subjects:
                subjects = [r for m in owner.lefts if m.dep_ in ("poss", "amod", "compound", "nmod")
                            for r in self.modifier_actors(m)]
            if not subjects and owner.dep_ == "dobj" and owner.head.pos_ == "VERB" \
                    and owner.head.lemma_.lower() not in self.ex.non_agentive:
                # "Iran denied / admitted any involvement in the attack on X": the subject's part in it
                subjects, _, chain = self.subject(owner.head)
                denied = owner.head.lemma_.lower() in self.ex.refusing
            how = f"{owner.lemma_.lower()} in"
        alleged = alleged_author
        # (only a verb of its own, blaming, punishing or praising: "airspace used for attacks" did none)
        judging = self.verb_cue(frame.head.head)[0] if frame.dep_ == "pobj" else None
        if not subjects and light is None and frame.dep_ == "pobj" and frame.head.lower_ in ("for", "of") \
                and frame.head.head.pos_ in ("VERB", "AUX") and judging is not None \
                and judging.relation not in PURPOSED \
                and (party := self.reason_party(frame.head.head)):
            # "sanctioned Hezbollah for attacks on Israel", "X was blamed for the assassination of Y":
            # the one blamed, punished or praised did it (alleged, when blamed)
            subjects, how = party, f"{frame.head.lower_}:{frame.head.head.lemma_.lower()}"
            blame = self.verb_cue(frame.head.head)[0]
            alleged = blame is not None and blame.relation == "ACCUSE"
        if not subjects and light is None and frame.dep_ == "pobj" and frame.head.pos_ == "ADP" \
                and (frame.head.lower_ in ("for", "on", "to", "in", "at")
                     or (frame.head.lower_ == "behind" and frame.head.head.lemma_.lower() == "be")
                     or (frame.head.lower_ in AFTER_TALKS and noun.lemma_.lower() in self.ex.mutual
                         and cue.relation == "CONSULT")) and not any(
                    c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
            # "Iran expressed its expectation for continued relations with Damascus";
            # "X took part in / participated in the demonstrations against Y"
            gov = frame.head.head
            if gov.pos_ == "NOUN" and gov.dep_ == "dobj" and not self.noun_cue(gov):
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() not in self.ex.non_agentive and (
                    frame.head.lower_ not in ("in", "at") or gov.lemma_.lower() in self.ex.participation
                    # "told reporters after talks with X": the speaker was at the talks
                    or frame.head.lower_ in AFTER_TALKS
                    # "struck the PKK in coordination with Iraq": the act done jointly with X;
                    # "fired rockets in solidarity with Hamas": done for X
                    or (frame.head.lower_ == "in" and cue.relation in ("COOPERATE", "SUPPORT")
                        and any(p.dep_ == "prep" and p.lower_ in ("with", "of")
                                for p in (*noun.children, *self.stranded_preps(noun))))
                    or frame.head.lower_ == "behind"  # "Israel was behind the killing of X": its doing
                    or (gov.lemma_.lower() == "be" and noun.lemma_.lower() in self.ex.mutual)) and (
                    gov.pos_ == "VERB" or gov.lemma_.lower() == "be"):
                # "X and Y are in talks", "X is in conflict with Y": the copula's subject takes part;
                # so does the patient of "are locked / embroiled in a war"
                subjects, patients, chain = self.subject(gov)
                if frame.head.lower_ in AFTER_TALKS and patients:
                    subjects = patients  # "Iran was attacked by Israel during talks with X": Iran's talks
                # its governor's negation, modal or asker holds for it too ("did not agree to a
                # ceasefire", "refused to take part in talks", "urged X to agree to a truce")
                chain = [gov, *chain]
                if not subjects and frame.head.lower_ == "in" and gov.tag_ == "VBN":
                    subjects = patients
                how = f"governed:{gov.lemma_.lower()}"
                denied = gov.lemma_.lower() in self.ex.refusing  # "denied responsibility for the bombing"
            elif gov.pos_ == "ADJ" and gov.lemma_.lower() in self.ex.hedge_control and frame.head.lower_ != "in":
                # "Iran is open to talks with X", "ready for negotiations": the stance's holder
                subjects, _, chain = self.subject(gov)
                chain = [gov, *chain]
                how = f"governed:{gov.lemma_.lower()}"
        if not subjects and light is None and noun.lemma_.lower() in self.ex.agent_nouns:
            # "Oman acted as a mediator between X and Y", "Qatar, a go-between": who is described does it
            subjects, how = [r for r in self.described(noun) if not r.start <= noun.i < r.end], "described"
        if not subjects and noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain"):
            subjects, _, chain = self.subject(noun.head)  # "Russia is the chief supplier of arms to Iran"
            how = "copula"
        exclude = {r.actor.id for r in subjects}
        # at home, 'in X' says where, except for acts a state's own actors do to the place they are
        # done in; a group's acts inside its own country are not acts on that state ("Houthi
        # operations inside Yemen")
        homes = {r.actor.country for r in subjects}
        home = next(iter(homes)) if len(homes) == 1 and ((relation or cue.relation) not in DONE_IN_PLACE or all(
            r.actor.kind not in STATE_BOUND for r in subjects)) else None
        where_only = (relation or cue.relation) not in CAPITAL_PARTIES
        objects = relied or [r for r in self.nominal_objects(noun, leaving, home, where_only)
                             or self.nominal_objects(frame, leaving, home, where_only)
                             if r.actor.id not in exclude]
        objects = self.taken_from([noun, *([light] if light is not None else [])], subjects, objects,
                                  relation or cue.relation)
        if not objects and subjects and not (noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual):
            # "Egypt's mediation between Israel and Hamas": one side's act on each of a pair
            objects = [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                       for p in c.children if p.dep_ == "pobj" for r in self.actors(p) if r.actor.id not in exclude]
        if not objects and recipients:
            objects = [r for r in recipients if r.actor.id not in exclude]
        if not objects and subjects and cue.relation == "CONSULT" and noun.lemma_.lower() in self.ex.agent_nouns:
            # a go-between of the main act's parties: "X and Y held talks, with Oman acting as
            # mediator", "X and Y negotiated through Egyptian mediators"
            main = self.absolute_head(noun) if how == "described" else noun.head.head if (
                noun.dep_ == "pobj" and noun.head.lower_ in ("through", "via")) else None
            if main is not None and main.pos_ in ("VERB", "AUX"):
                objects = [r for r in self.subject(main)[0] if r.actor.id not in exclude]
            elif noun.dep_ == "nsubj":
                # "Egyptian and Qatari mediators have been shuttling between Israel and Hamas"
                objects = [r for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"
                           for p in c.children if p.dep_ == "pobj" for r in self.actors(p) if r.actor.id not in exclude]
        if not objects and (cue.relation in AUTHOR_TARGETED or answer):
            # "in protest of the government's refusal": aimed at the act, so at its author
            objects = [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "at", "over")
                       for p in c.children if p.dep_ == "pobj" and self.noun_cue(p)
                       for r in self.event_author(p, exclude)][:1] or objects
        if not objects and subjects and noun.dep_ == "pobj" and noun.head.lower_ == "under" \
                and noun.head.head.lemma_.lower() in self.ex.undergoing:
            # "US forces came under rocket attack from X": who is under it suffers it
            objects = [r for r in self.subject(noun.head.head)[0] if r.actor.id not in exclude]
        if not objects and subjects and noun.dep_ == "pobj" and noun.head.lower_ in PRESSED_UNDER \
                and noun.lemma_.lower() in self.ex.pressing and noun.head.head.pos_ in ("VERB", "AUX"):
            # "despite pressure from Washington to disarm", "under pressure from Egypt, Hamas
            # agreed": the clause's subject is the one pressed
            objects = [r for r in self.subject(noun.head.head)[0] if r.actor.id not in exclude]
            gov = noun.head.head
            if gov.dep_ == "xcomp" and gov.head.lemma_.lower() in self.ex.defying:
                gov = gov.head  # ("refused to disarm despite ...": hung on the refused act)
            if objects and noun.head.lower_ == "despite" and gov.lemma_.lower() in self.ex.defying:
                # "declined to resign despite pressure by X": the refusal rejects X
                refused, _hedged, _, _ = self.qualifiers(gov, self.subject(gov)[2])
                self.add(objects, "REJECT", subjects, gov.text,
                         f"verb:{gov.lemma_.lower()} despite {noun.lemma_.lower()} -> REJECT",
                         0.6, refused, _hedged)
        if cue.relation == "ACCUSE" and relation is None and not by_agent and not modifiers and light is not None \
                and light.lemma_.lower() in self.ex.receiving and how.startswith("light:"):
            return  # "Qatar faced charges of funding Hamas": accused by someone unnamed, accusing no one
        if (by_agent or (modifiers and subjects is modifiers)) and not objects and light is not None \
                and light.lemma_.lower() in self.ex.receiving:
            # ("faces US pressure": the agent named by a modifier)
            # "Sisi received a phone call from Netanyahu": the receiver is the other party
            objects = [r for r in self.subject(light)[0] if r.actor.id not in exclude]
        if by_agent and not objects:
            objects = [r for r in modifiers if r.actor.id not in exclude]
        if not objects and light is not None:
            # "gave Tanzania a grant", "launched a strike in Syria against X"
            for child in light.children:
                if child.dep_ in ("dative", "dobj") and child.i != noun.i:
                    objects = [r for r in self.actors(child) if r.actor.id not in exclude]
                    if objects:
                        break
            if not objects:
                # ("signed a deal in Cairo": a capital after 'in' says where)
                objects, _ = self.objects(light, None, exclude | {""}, where_only=where_only)
                # the event's own phrase is no party of it ("halt its attacks": no rebinding 'its')
                objects = [r for r in objects if r.actor.id not in exclude and not r.start <= noun.i < r.end]
        if not objects:
            # "a drone strike that resulted in the death of X", "strikes targeting X"
            for clause in [*noun.children, *(frame.children if frame is not noun else ())]:
                if clause.dep_ in ("relcl", "acl") and clause.pos_ == "VERB":
                    objects, _ = self.objects(clause, None, exclude, results=True)
                    if not objects:
                        for c in clause.children:
                            if c.dep_ == "prep":
                                for p in c.children:
                                    if p.dep_ == "pobj":
                                        objects = self.nominal_objects(p) or self.actors(p)
                    if objects:
                        break
        if not objects and subjects and light is not None and cue.relation in (
                "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "REJECT"):
            objects = self.purpose_objects(light, exclude, noun)
        if subjects and not objects and light is not None and not (
                len(subjects) > 1 and (noun.lemma_.lower() in self.ex.mutual)):
            objects = self.nearby_party(noun, exclude, noun, home, where_only) or \
                self.nearby_party(light, exclude, noun, home, where_only)
        place_note = ""
        if subjects and not objects and not (len(subjects) > 1 and noun.lemma_.lower() in self.ex.mutual) and (
                light is None or light.lemma_.lower() in self.ex.light or light.lemma_.lower() in self.ex.reversal):
            # "lifted the state of emergency in Darfur", "Israeli strikes on Idlib"; not a verb
            # of its own ("exercised control of Gaza" holds it, it is no event on it)
            objects, place_note = self.place_party([noun, light] if light is not None else [noun],
                                                   subjects, relation or cue.relation, near=light is not None)
        if subjects and objects and cue.relation == "AID" and relation is None and how.startswith("light:") \
                and light is not None and light.lemma_.lower() in self.ex.receiving:
            # "Hamas leaders found asylum in Qatar": who gets help is its recipient, not its giver
            subjects, objects = objects, subjects
            how += " (received)"
            # (or on the count: "bought hundreds of drones from Iran")
            path = [noun, *(t for t in noun.ancestors if light.is_ancestor(t))]
            givers = [o for p in (c for t in (light, *path) for c in t.children) if p.dep_ == "prep" and p.lower_ == "from"
                      for o in prep_objects_of(p) for o in (o, *o.conjuncts)]
            # a clause on the thing tells its route or maker, not its giver ("weapons smuggled
            # through tunnels from Egypt"; "weapons supplied by Iran" is that verb's own event)
            subjects = [r for r in subjects if not any(
                c.dep_ in ("acl", "relcl") and c.left_edge.i <= r.start and r.end - 1 <= c.right_edge.i
                for c in noun.children)]
            if not subjects:
                return
            if givers or noun.lemma_.lower() in self.ex.arms:
                # the giver is the 'from' phrase's own head: not a place inside it ("bought rifles
                # from arms dealers in Turkey", "drones smuggled from Egypt", "drones made in Iran")
                subjects = [r for r in subjects if any(r.start <= g.i < r.end for g in givers)]
                if not subjects:
                    return
        mutual = False
        if not subjects:
            # "clashes between Israeli and Iranian forces": both ways
            if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and (
                    noun.head.lemma_.lower() in self.ex.reversal or self.deescalates(noun.head)):
                return  # "the fighting between Israel and Hezbollah ended": no fighting now
            between = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
            if not between and noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and (
                    noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual) and not any(
                    c.dep_ == "dobj" for c in noun.head.children):
                # "fighting erupted between the army and the RSF": the pair is the event's
                between = [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "between"]
            for prep in between:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        subjects = self.actors(pobj)
            if len(subjects) < 2:
                return
            if noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual:
                objects = []  # "talks between A and B in Cairo": the pair's, not with the place
        is_mutual = noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual or any(
            m.dep_ == "amod" and m.lower_ in self.ex.joint for m in noun.lefts) or (  # "joint exercises"
            light is not None and light.lemma_.lower() in self.ex.mutual and how.startswith("light:"))  # "exchanged fire"
        if pair_modifiers and is_mutual:
            objects = []
        if len(subjects) >= 2 and not objects and is_mutual:
            mutual = True  # "A and B signed an agreement", "talks between A and B"
        if not subjects or (not objects and not mutual):
            return
        if light is not None and not chain:
            # the light verb's own governors qualify it too, whoever the agent is ("denied
            # receiving weapons from Iran": the 'from' phrase gave the agent, not the chain)
            chain = self.subject(light)[2]
        negated, hedged, intent, notes = self.qualifiers(noun, ([light] if light is not None else []) + chain)
        # ("the next round of talks": the counted word holds the talks' place)
        held = frame.head.head if frame.dep_ == "pobj" and frame.head.lower_ == "of" and (
            frame.head.head.lemma_.lower() in self.ex.counting) else frame
        if light is None and not chain and not hedged and held.dep_ in ("dobj", "nsubjpass") \
                and held.head.pos_ == "VERB":
            # "Oman will host talks between Iran and the US", "talks will be hosted by Oman": the
            # talks are as yet only planned (the verb's modal says nothing of the pair's own
            # intent, nor its negation of the talks)
            gov = held.head
            if self.qualifiers(gov, self.subject(gov)[2])[1]:
                hedged = True
                notes.append(f"planned:{gov.lemma_.lower()}")
        if alleged:
            hedged = True
            notes.append("alleged")
        if denied:
            negated = True
            notes.append("denied")
        if how.startswith("had:") and light is not None and light.lemma_.lower() in self.ex.losing:
            # "Assad lost the backing of Russia": that help is given no more ("never lost
            # it": it still is)
            negated = not negated
            notes.append(f"lost:{light.lemma_.lower()}")
        objects = [self.home_place(r, subjects) or r for r in objects]
        if place_note:
            notes.append(place_note)
        if any(r.how == "home place" for r in objects):
            notes.append("home place")
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            negated = True
        if relation is None and cue.relation == "AID" and self.forces_at_home([noun], subjects, objects):
            relation = "MOBILIZE"
            notes.append("forces at home -> MOBILIZE")
        elif relation is None and cue.relation == "AID" and light is not None and self.forces_to_border([noun], light):
            relation = "MOBILIZE"
            notes.append("forces to a border or own post -> MOBILIZE")
        elif relation is None and cue.relation == "AID" and light is not None and (
                into := self.forces_into([noun], light)):
            relation = "MOBILIZE"
            notes.append(f"forces {into} -> MOBILIZE")
        base_relation = relation or cue.relation
        if relation is None and base_relation in ("COOPERATE", "AGREE", "CONSULT", "SUPPORT"):
            # "step up cooperation against the PKK": the common foe is no partner
            objects = [r for r in objects if not any(a.dep_ == "prep" and a.lower_ == "against"
                                                     for a in self.m.doc[r.start].ancestors)]
            if not objects and not mutual:
                return
        final, intent_note = self.intent_relation(base_relation, light or noun, intent, negated)
        if final == "THREATEN" and base_relation != "THREATEN" and objects:
            mutual = False
        predicate = " ".join(t.text for t in ([light] if light is not None else []) + [noun])
        evidence = (f"noun:{cue.words}" + (f"+{how}" if how else "") + f" -> {final} "
                    f"(lexicon {cue.relation.lower()}.{cue.words})" + (f" ({note})" if note else "")
                    + intent_note + (f" [{', '.join(notes)}]" if notes else ""))
        if joiners:
            own_negated, own_hedged, _, _ = self.qualifiers(noun, [])
            self.add(subjects, final, objects, predicate, evidence, 0.65, own_negated, own_hedged, mutual)
            subjects = joiners
        self.add(subjects, final, objects, predicate, evidence, 0.65, negated, hedged, mutual)
        self.events.add(noun.i)
        if len({r.actor.id for r in subjects}) > 1 and final not in COOPERATIVE and any(
                m.lower_ in ("joint", "combined") for m in noun.lefts if m.dep_ in ("amod", "compound")):
            # "Peshmerga and Iraqi army units launched a joint operation against IS": partners too
            self.add(subjects, "COOPERATE", [], f"joint {noun.text}",
                     f"noun:joint {cue.words} -> COOPERATE (partners in a joint act)", 0.6, negated, hedged, True)
        # a pair's joint act is both sides' ("signed an agreement ... rejected the agreement")
        self.remember_event(noun, subjects, negated or hedged, final)

    def joint_between(self, noun: Token, light: Token, cue: Cue) -> bool:
        """'Egypt brokered a ceasefire between Israel and Hamas': a joint event between a
        named pair is the pair's (both ways), not an act of whoever brought it about."""
        if not (noun.lemma_.lower() in self.ex.mutual or noun.lower_ in self.ex.mutual):
            return False
        pair = [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                for p in c.children if p.dep_ == "pobj" for r in self.actors(p)]
        if len(pair) < 2:
            return False
        _a, _p, chain = self.subject(light)
        negated, hedged, _intent, notes = self.qualifiers(noun, [light, *chain])
        self.add(pair, cue.relation, [], f"{noun.text} between",
                 f"noun:{cue.words}+between (brought about by {light.lemma_.lower()}) -> {cue.relation} "
                 f"(lexicon {cue.relation.lower()}.{cue.words})" + (f" [{', '.join(notes)}]" if notes else ""),
                 0.6, negated, hedged, mutual=True)
        self.events.add(noun.i)
        return True

    def on_behalf(self, noun: Token, cue: Cue) -> bool:
        """'Saudi Arabia intervened at the request of Hadi': X of 'at the request /
        invitation / urging of X' asked the clause's subject to act."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "at" or noun.lemma_.lower() not in self.ex.behest:
            return False
        askers, _ = self.prep_objects(noun, ("of",))
        if not askers:
            # "at Washington's request"
            askers = [r for m in noun.lefts if m.dep_ == "poss" for r in self.m.resolve(m)]
        if not askers:
            return False
        gov = noun.head.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head  # "staged a military intervention in Yemen at the request of"
        asked, _, chain = self.subject(gov)
        asked = [r for r in asked if all(r.actor.id != a.actor.id for a in askers)]
        if not asked:
            return False
        negated, hedged, _, notes = self.qualifiers(gov, chain)
        self.add(askers, cue.relation, asked, f"at the {noun.text} of",
                 f"noun:{cue.words}+at the {noun.lemma_.lower()} of -> {cue.relation} (lexicon "
                 f"{cue.relation.lower()}.{cue.words})" + (f" [{', '.join(notes)}]" if notes else ""),
                 0.65, negated, hedged)
        self.events.add(noun.i)
        return True

    def affiliation(self, noun: Token) -> None:
        """'Ali Vaez from the International Crisis Group' (a person of an organisation);
        'Tehran's Axis of Resistance' (the possessor leads a coalition)."""
        refs = self.m.resolve(noun)
        if not refs or noun.dep_ in ("compound", "amod"):
            return
        actor = refs[0].actor
        led_of = False
        if actor.kind == "PERSON" and noun.pos_ == "PROPN":
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "at", "with"):
                    orgs = [r for p in prep.children if p.dep_ == "pobj" for r in self.m.resolve(p)
                            if r.actor.kind in ORGANISATIONS]
                    # "Prime Minister Abdul Hamid Dbeibah of the Government of National Unity"
                    heading = prep.lower_ == "of" and self.head_title_before(noun)
                    led_of = led_of or (heading and bool(orgs))
                    self.add(refs[:1], "LEADS" if heading else "AFFILIATED_WITH", orgs, f"{noun.text} {prep.text}",
                             f"tie:person {prep.lower_} organisation -> "
                             + ("LEADS (a head title before the name)" if heading
                                else "AFFILIATED_WITH (lexicon affiliated_with.from)"), 0.6, False, False)
        if actor.kind == "PERSON" and noun.pos_ == "PROPN" and not led_of:
            self.title_leads(refs[0], noun)
        if actor.kind == "COALITION":
            # the possessor may sit inside the matched name ("Tehran's Axis of Resistance")
            inside = [t for t in self.m.doc[refs[0].start:refs[0].end] if t.dep_ == "poss" or
                      t.i + 1 < refs[0].end and t.nbor().tag_ == "POS"]
            # ... or before it, across quotes the parser tripped on: Tehran's "Axis of Resistance"
            back = refs[0].start - 1
            while back > self.span.start and self.m.doc[back].is_quote:
                back -= 1
            if back > self.span.start and self.m.doc[back].lower_ in ("'s", "\u2019s"):
                inside.append(self.m.doc[back - 1])
            owners = [r for m in [*noun.lefts, *inside] if m.dep_ == "poss" or m in inside
                      for r in ([Ref(a, m.i, m.i + 1, m.text, "capital", 0.8) for a in
                                 [self.ex.gazetteer.lookup(m.text)] if a is not None]
                                if m in inside else self.m.resolve(m))
                      if r.actor.kind == "STATE"]
            self.add(owners, "LEADS", refs[:1], f"{noun.text}",
                     "tie:possessor of coalition -> LEADS (lexicon leads.possessive)", 0.6, False, False)
        if actor.kind in ("ARMED_GROUP", "POLITICAL_PARTY"):
            # "Haftar's Libyan National Army", "Erdogan's ruling AK Party": a person's group is
            # the one he leads
            # (only the one the gazetteer says he heads: "Khamenei's Hezbollah" is a patron's)
            owners = [r for m in noun.lefts if m.dep_ == "poss" for r in self.m.resolve(m)
                      if r.actor.kind == "PERSON" and r.actor.curated
                      and (getattr(self.ex.gazetteer.headed(r.actor), "id", None) == actor.id
                           # ("Erdogan's AK Party", "Netanyahu's Likud": a party of his own country)
                           or (actor.kind == "POLITICAL_PARTY" and actor.country == r.actor.country))]
            self.add(owners[:1], "LEADS", refs[:1], f"{noun.text}",
                     "tie:person's group -> LEADS (possessive)", 0.6, False, False)

    def head_title_before(self, name: Token) -> bool:
        """Whether a head title ('Prime Minister', 'leader') stands right before the name."""
        doc = self.m.doc
        first = self.name_start(name)
        return any(first - size >= name.left_edge.i and doc[first - size:first].text.lower() in self.ex.leading_titles
                   for size in (3, 2, 1))  # (3: "Secretary-General" is three tokens)

    def name_start(self, name: Token) -> int:
        """The first word of a person's name ending at `name`, titles left out."""
        doc = self.m.doc
        first = name.i
        while first > name.left_edge.i and (doc[first - 1].pos_ == "PROPN" or (
                doc[first - 1].text == "-" and first - 2 >= 0 and doc[first - 2].pos_ == "PROPN")) and \
                doc[first - 1].lower_ not in self.ex.titles:
            first -= 1  # the name's own words ("Ismail Haniyeh", "Abdul-Malik al-Houthi")
        while first - 1 > name.left_edge.i and doc[first - 1].lower_ in self.ex.honorifics:
            first -= 1  # "Supreme Leader Ayatollah Ali Khamenei": the honorific is no title of office
        return first

    def title_leads(self, person: Ref, name: Token) -> None:
        """'Hamas leader Ismail Haniyeh', 'Iranian President Masoud Pezeshkian': a head-of
        title right after its organisation or state names the one the person leads ('Hamas
        deputy leader', 'opposition leader' or 'Saudi Foreign Minister' name no leader)."""
        doc = self.m.doc
        first = self.name_start(name)
        # the phrase the title is in: the name's own, or the title's when the name is
        # parsed as its appositive ("Iran's supreme leader Ali Khamenei")
        phrase = name.head if name.dep_ == "appos" and name.head.i == first - 1 else name
        # "Sudanese army chief Abdel Fattah al-Burhan": the head of the named service
        if first - 3 >= phrase.left_edge.i and doc[first - 1].lower_ in ("chief", "head", "commander") \
                and doc[first - 2].pos_ == "NOUN" and (service := self.ex.gazetteer.lookup(
                    doc[first - 3:first - 1].text)) is not None and service.kind in ORGANISATIONS | {"MILITARY"}:
            self.add([person], "LEADS", [Ref(service, first - 3, first - 1, doc[first - 3:first - 1].text, "name", 0.8)],
                     doc[first - 3:first].text, f"tie:title {doc[first - 2].lower_} {doc[first - 1].lower_} -> LEADS "
                     "(the named service's head)", 0.6, False, False)
            return
        for size in (3, 2, 1):  # ("Secretary-General" is three tokens)
            start = first - size
            if start <= phrase.left_edge.i - 1 or doc[start:first].text.lower() not in self.ex.leading_titles:
                continue
            if any(w.lower_.endswith(("-elect", "-designate")) or w.lower_ in ("elect", "designate")
                   for w in doc[start:name.i + 1]):
                return  # "President-elect Trump": no head yet
            # "the former Iranian president Hassan Rouhani": head once, a tie told as past
            past = any(w.lower_ in self.ex.past_titles for w in doc[phrase.left_edge.i:start])
            owner = start - 1
            if owner >= 0 and doc[owner].lower_ in self.ex.past_titles:
                owner -= 1  # ("Former President X": no owner named)
            if owner > phrase.left_edge.i and doc[owner].lower_ in self.ex.whole_body_units:
                owner -= 1  # "Hamas political chief Ismail Haniyeh" leads Hamas
            if owner >= 0 and doc[owner].tag_ == "POS":
                owner -= 1  # "Iran's Supreme Leader Ali Khamenei"
            if owner >= phrase.left_edge.i and doc[owner].lower_ in self.ex.subordinate:
                return  # "Hamas deputy leader", "Deputy Secretary-General": one of its leaders
            named_owner = owner >= phrase.left_edge.i and doc[owner].text[:1].isupper()
            led: list[Ref] = []
            if named_owner:
                # ("Iranian President" is one phrase naming the state; "French National Assembly
                # president" is no head of France; "Iraqi Kurdish leader" leads no Iraq: the
                # word before the title names the one led)
                # (a demonym the small model tags PROPN too: "Emirati President")
                demonym = self.ex.gazetteer.demonym(doc[owner].text) if doc[owner].pos_ in ("ADJ", "PROPN") else None
                led = [r for r in [*self.m.resolve(doc[owner]),
                                   *(self.m.resolve(doc[first - 1]) if doc[owner].pos_ == "ADJ" else [])]
                       if r.start <= owner < r.end <= first and r.actor.id != person.actor.id
                       and (r.actor.kind == "STATE" or r.actor.kind in ORGANISATIONS)
                       and (doc[owner].pos_ != "ADJ" or (demonym is not None and demonym.id == r.actor.id))]
                led = led if demonym is None else [r for r in led if r.actor.id == demonym.id]
                if not led and (named := self.ex.gazetteer.lookup(doc[owner].text)) is not None and (
                        named.kind == "STATE" or named.kind in ORGANISATIONS):
                    # "Iran's supreme leader" read as one mention of the person: the owner's own name
                    led = [Ref(named, owner, owner + 1, doc[owner].text, "name", 0.8)]
                if not led and demonym is not None and demonym.kind == "STATE" and doc[owner + 1].i == start:
                    # "Lebanese President Joseph Aoun", the title inside the person's own name
                    led = [Ref(demonym, owner, owner + 1, doc[owner].text, "demonym", 0.8)]
            source = "lexicon leading_titles"
            if not led and (heads := self.ex.gazetteer.headed(person.actor)) is not None:
                # "army chief Abdel Fattah al-Burhan", "Iraqi Kurdish leader Masoud Barzani": no
                # owner named, or none that leads; the body the gazetteer says the person heads
                led, source = [Ref(heads, start, first, doc[start:first].text, "heads", 0.7)], "gazetteer heads"
            if not led and not named_owner and person.actor.country and \
                    doc[start:first].text.lower() in self.ex.state_head_titles and \
                    (state := self.ex.gazetteer.by_country(person.actor.country)) is not None:
                # "Prime Minister Nawaf Salam": no owner named; the state the person is of (said
                # once an article: a title repeated is a form of address, not news)
                if person.actor.id in self.m.memory.addressed:
                    return
                self.m.memory.addressed.add(person.actor.id)
                led, source = [Ref(state, start, first, doc[start:first].text, "heads", 0.6)], "gazetteer country"
            self.add([person], "LEADS", led[:1], doc[max(owner, phrase.left_edge.i):first].text,
                     f"tie:title {doc[start:first].text.lower()} -> LEADS ({source})" + (" [past title]" if past else ""),
                     0.6, False, False, historical=past)
            return
        title = doc[first - 1] if first - 1 > phrase.left_edge.i else None
        if title is None or title.lower_ not in self.ex.member_titles:
            return
        owner_end = title.i
        while owner_end > phrase.left_edge.i and doc[owner_end - 1].pos_ == "ADJ" and not doc[owner_end - 1].text[:1].isupper():
            owner_end -= 1  # "Hamas political official"
        # the organisation named right before the title (a state's people are no members of it)
        orgs = [r for r in self.m.resolve(doc[owner_end - 1]) if r.end == owner_end and r.actor.id != person.actor.id
                and r.actor.kind in ORGANISATIONS and r.actor.kind != "GOVERNMENT"] if owner_end > 0 else []
        if orgs:
            heads = self.ex.gazetteer.headed(person.actor)
            relation = "LEADS" if heads is not None and heads.id == orgs[0].actor.id else "MEMBER_OF"
            self.add([person], relation, orgs[:1], doc[orgs[0].start:first].text,
                     f"tie:title {title.lower_} -> {relation} (lexicon member_titles"
                     f"{', gazetteer heads' if relation == 'LEADS' else ''})", 0.6, False, False)

    @staticmethod
    def absolute_head(noun: Token) -> Token | None:
        """The verb of the clause an absolute 'with X acting as <noun>' hangs on."""
        prep = noun.head
        acting = prep.head
        if noun.dep_ != "pobj" or prep.lower_ != "as" or acting.dep_ != "pcomp" or acting.head.lower_ != "with":
            return None
        main = acting.head.head
        return main if main.pos_ in ("VERB", "AUX") else None

    def described(self, noun: Token, title: tuple[Token, ...] = ()) -> list[Ref]:
        """The one a describing noun is said of: apposition either way, copula subject,
        "as" phrase ("arose as a movement"), a title before a name. `title`: the noun's
        other words, no apposition of it ("secretary-general" parsed as two nouns)."""
        members: list[Ref] = []
        for child in noun.children:
            if child.dep_ == "appos" and child not in title and not members:  # (the first: the name)
                members = self.actors(child, deep=False)
        if not members and noun.dep_ == "appos":
            members = self.actors(noun.head, deep=False)
        if not members and noun.dep_ in ("attr", "oprd"):
            members, _, _ = self.subject(noun.head)
        if not members and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            # "the SDF, whose backbone is the YPG": the copula's complement
            members = [r for c in noun.head.children if c.dep_ == "attr" for r in self.actors(c, deep=False)]
        if not members and noun.dep_ == "pobj" and noun.head.lower_ == "as":
            gov = noun.head.head
            if gov.pos_ in ("VERB", "AUX"):
                # "regard the Houthis as an Iranian proxy": the object; "arose as a movement": the subject
                if gov.lemma_.lower() in self.ex.object_as:
                    members = [r for c in gov.children if c.dep_ == "dobj" for r in self.actors(c, deep=False)]
                if not members:
                    members, patients, _ = self.subject(gov)
                    members = members or patients  # "the UAE is seen as the RSF's patron"
            elif gov.pos_ in ("NOUN", "PROPN"):
                members = self.actors(gov, deep=False)
        if not members:
            members = self.listed_including(noun)  # "Tehran's proxies, including Kataib Hezbollah"
        if not members and noun.dep_ == "compound" and noun.head.ent_type_ == "PERSON":
            members = self.m.resolve(noun.head)
        if not members and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.tag_ == "NNS" \
                and noun.head.head.lower_ == "one" and noun.head.head.dep_ == "appos":
            # "Kataib Hezbollah, one of the factions within the PMF": the name the 'one' is of
            members = self.actors(noun.head.head.head, deep=False)
        if not members and noun.dep_ in ("nsubj", "dobj", "pobj"):
            # "Russia's ally Iran has ..." parsed as two subjects: the name right after
            members = [r for c in noun.head.children if c.dep_ == noun.dep_ and c.i > noun.i
                       and c.left_edge.i == noun.i + 1 and c.pos_ == "PROPN" for r in self.actors(c, deep=False)]
        return members

    def ruling_noun(self, noun: Token) -> None:
        """'It was the ruling coalition in Lebanon', 'X, the governing party of Y': the body
        described rules the state the phrase names."""
        if noun.lemma_.lower() not in self.ex.stance_heads or not any(
                m.dep_ == "amod" and m.lower_ in self.ex.ruling for m in noun.lefts):
            return
        states = [r for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                  for p in c.children if p.dep_ == "pobj" for r in self.actors(p, deep=False)
                  if r.actor.kind == "STATE"]
        members = [r for r in self.described(noun) if all(r.actor.id != s.actor.id for s in states)]
        if members and states:
            negated, hedged, _, _notes = self.qualifiers(noun, [])
            self.add(members, "LEADS", states, f"ruling {noun.text}",
                     f"tie:ruling {noun.lemma_.lower()} -> LEADS (lexicon ruling_adjectives)", 0.6,
                     negated, hedged)

    def stance_noun(self, noun: Token) -> None:
        """'Hamas arose as a resistance movement against the Israeli occupation', 'X, a
        group against Y': a body described as being against an actor (or its conduct)
        stands hostile to it."""
        if noun.lemma_.lower() not in self.ex.stance_heads or self.m.resolve(noun):
            return
        against = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                   for p in c.children if p.dep_ == "pobj"]
        if not against:
            return
        members = self.described(noun)
        exclude = {r.actor.id for r in members}
        targets = [r for r in self.actors(against[0]) if r.actor.id not in exclude]
        if members and targets:
            negated, hedged, _, _notes = self.qualifiers(noun, [])
            self.add(members, "HOSTILE_TO", targets, f"{noun.text} against",
                     f"tie:{noun.lemma_.lower()} against -> HOSTILE_TO (lexicon stance_heads)", 0.6,
                     negated, hedged)

    def tie_noun(self, noun: Token) -> None:
        """'its ally, X', 'X, an ally of Y', 'X is a member of Y', 'leader of Y'."""
        self.affiliation(noun)
        # ("bases of the PJAK group": the small model's lemma of "bases" is "basis")
        lemma = "base" if noun.lower_ == "bases" else noun.lemma_.lower()
        cue = self.ex.cues.tie.get(lemma) or self.ex.cues.tie.get(noun.lower_)
        doc = self.m.doc
        # a title of two words ("secretary-general", "director general"), either word its head
        # (the other word's phrases are the title's too: "the secretary-general of Hezbollah")
        halves = [noun]
        before = noun.i - 2 if noun.i >= 2 and doc[noun.i - 1].text == "-" else noun.i - 1
        if cue is None and before >= 0 and doc[before].head.i == noun.i:
            cue, halves = self.ex.cues.tie.get(doc[before:noun.i + 1].text.lower()), [noun, doc[before]]
        after = noun.i + 2 if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" else noun.i + 1
        if cue is None and after < len(doc) and doc[after].head.i == noun.i:
            cue, halves = self.ex.cues.tie.get(doc[noun.i:after + 1].text.lower()), [noun, doc[after]]
        if cue is None or noun.ent_type_ in ("PERSON",):
            return
        # the owner: "its ally", "ally of Y", "Hamas leader"
        owners: list[Ref] = []
        for child in (c for half in halves for c in half.children):
            if child.dep_ == "poss":
                owners = self.actors(child)
            elif child.dep_ == "prep" and child.lower_ in ("of", "in", "to", "with", "within"):
                owners = owners or self.actors(next((c for c in child.children if c.dep_ == "pobj"), None))
        if not owners and noun.dep_ == "attr":
            # "the PLO, of which Fatah was the dominant member": the relative 'of which'
            # hangs on the copula
            for prep in noun.head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    owners = self.actors(next((c for c in prep.children if c.dep_ == "pobj"
                                               and c.tag_ in ("WDT", "WP")), None))
        if not owners and cue.relation == "LEADS" and (any(c.dep_ == "appos" for c in noun.children) or (
                noun.dep_ == "appos" and noun.head.pos_ == "PROPN")):
            # "the Hamas leader, Yahya Sinwar,", "the Iranian president, X,": the name's modifier
            # (so "Yahya Sinwar, the Hamas leader,")
            # ("the 89-year-old Palestinian president": an age or 'interim' says nothing of whose)
            modifiers = [m for m in noun.lefts if m.dep_ in ("compound", "amod")
                         and m.lower_ not in self.ex.neutral_title and not any(ch.isdigit() for ch in m.text)
                         and not any(ch.isdigit() for t in m.subtree for ch in t.text)]
            owners = [r for m in modifiers for r in self.modifier_actors(m)
                      if r.actor.kind == "STATE" or r.actor.kind in ORGANISATIONS]
            if any(not any(r.actor.kind == "STATE" or r.actor.kind in ORGANISATIONS for r in self.modifier_actors(m))
                   for m in modifiers):
                owners = []  # "the Lebanese Druze leader, X": a leader of the Druze, not of Lebanon
        title = doc[min(h.i for h in halves):max(h.i for h in halves) + 1].text.lower()
        if not owners and cue.relation == "LEADS" and noun.dep_ == "pobj" and noun.head.lower_ == "as" \
                and title in self.ex.state_head_titles and noun.head.head.lemma_.lower() in self.ex.installing \
                and not any(q for q in self.qualifiers(noun.head.head, self.subject(noun.head.head)[2])[:2]):
            # "parliament elected Joseph Aoun as president", "named X as prime minister": the head
            # of the state the person is of, else that of the one who chose him (only one put
            # in office: not "refused to elect X as president", "is expected to name X as ...")
            gov = noun.head.head
            chosen = [r for c in gov.children if c.dep_ == "dobj" for r in self.actors(c, deep=False)
                      if r.actor.kind == "PERSON"]
            country = next((r.actor.country for r in chosen if r.actor.country), None) or next(
                (r.actor.country for r in self.subject(gov)[0] if r.actor.country), None)
            state = self.ex.gazetteer.by_country(country) if country else None
            if chosen and state is not None:
                owners = [Ref(state, noun.i, noun.i + 1, noun.text, "heads", 0.6)]
        if not owners and cue.relation in ("ALLY_OF", "HOSTILE_TO", "AFFILIATED_WITH"):
            # "Egypt, a key US ally", "an Iranian proxy": the modifier is the other side
            owners = [r for m in noun.lefts if m.dep_ in ("compound", "amod", "nmod") for r in self.modifier_actors(m)]
        if not owners and cue.relation in ("ALLY_OF", "HOSTILE_TO"):
            # "the hostility between Fatah and Hamas", "Iran and Russia are strategic allies"
            pair: list[Ref] = []
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    pair = self.actors(next((c for c in prep.children if c.dep_ == "pobj"), None))
            if not pair and noun.dep_ == "attr":
                pair, _, _ = self.subject(noun.head)
            if len(pair) >= 2:
                negated, hedged, _, _ = self.qualifiers(noun, [])
                self.add(pair, cue.relation, [], noun.text,
                         f"tie:{cue.words} between -> {cue.relation} (lexicon "
                         f"{cue.relation.lower()}.{cue.words})", 0.65, negated, hedged, mutual=True)
            return
        if not owners:
            return
        if cue.relation == "LEADS" and any(m.lower_ in self.ex.subordinate for m in noun.lefts):
            return  # "Hamas's deputy leader X": one under the leader
        services = [m for m in noun.lefts if m.dep_ == "compound" and m.pos_ == "NOUN"
                    and m.lemma_.lower() not in self.ex.whole_body_units]
        if cue.relation == "LEADS" and services and any(r.actor.kind == "STATE" for r in owners):
            # "Israel's army chief": the head of the state's service the gazetteer names
            # ("Israeli army": the IDF), else no one ("Egypt's intelligence chief" leads no Egypt)
            owners = [Ref(service, r.start, r.end, r.text, "name", r.confidence) for r in owners
                      for name in (self.ex.gazetteer.demonym_of(r.actor.id), r.actor.name) if name
                      for service in [self.ex.gazetteer.lookup(f"{name} {services[0].text}")]
                      if service is not None and service.kind in ORGANISATIONS][:1]
            if not owners:
                return
        members = self.described(noun, tuple(halves[1:]))
        if not members:
            return
        # the phrase itself resolved to the owner's state ("Iran's leader"): no tie to itself
        # ("X is not a member of Y": the copula carries the negation)
        governor = [noun.head] if noun.dep_ in ("attr", "oprd") else [noun.head.head] if (
            noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ in ("VERB", "AUX")) else []
        # ("demanding that he be reinstated as leader": asked for, not so)
        negated, hedged, _, _notes = self.qualifiers(noun, governor + (self.subject(governor[0])[2] if governor else []))
        self.add(members, cue.relation, owners, noun.text,
                 f"tie:{cue.words} -> {cue.relation} (lexicon {cue.relation.lower()}.{cue.words})",
                 0.7, negated, hedged)


# -- worker processes (--jobs N) ---------------------------------------------
# Each worker runs the whole extraction (parse and rules) and sends back plain
# Triple records: shipping spaCy Docs back and running the rules in the parent,
# as nlp.pipe(n_process=N) does, made two jobs slower than one.
CHUNK_ARTICLES = 8  # per task: small enough that the workers finish together
CHUNKS_PER_WORKER = 2  # in flight: keeps every worker busy, memory bounded
_ChunkResult = list[list[Triple]] | BaseException


def _extract_in_workers(
    extractor: Extractor, articles: Iterable[Article], batch_size: int, n_process: int
) -> Iterator[tuple[Article, list[Triple]]]:
    # fork: a worker starts in a fraction of a second with the model already in
    # memory; spawn (where fork is missing) imports spaCy and loads it again
    context = (multiprocessing.get_context("fork")
               if "fork" in multiprocessing.get_all_start_methods()
               else multiprocessing.get_context("spawn"))
    tasks = context.Queue()
    results = context.Queue()
    workers = [
        context.Process(target=_worker, name=f"graphbuild-extract-{i}", daemon=True,
                        args=(extractor.gazetteer, extractor.model, batch_size, tasks, results))
        for i in range(n_process)
    ]
    # a Ctrl-C (sent to the whole process group) is the parent's to handle: held
    # back while forking, so a worker can ignore it before it could interrupt it
    block = hasattr(signal, "pthread_sigmask")
    if block:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for worker in workers:
            worker.start()
    finally:
        if block:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    sent: deque[tuple[int, list[Article]]] = deque()
    received: dict[int, list[list[Triple]]] = {}
    source = iter(articles)
    numbers = itertools.count()
    more = True
    try:
        while True:
            while more and len(sent) < CHUNKS_PER_WORKER * n_process:
                chunk = list(itertools.islice(source, CHUNK_ARTICLES))
                more = len(chunk) == CHUNK_ARTICLES
                if chunk:
                    number = next(numbers)
                    tasks.put((number, chunk))
                    sent.append((number, chunk))
            if not sent:
                return
            head, chunk = sent.popleft()
            while head not in received:
                number, outcome = _receive(results, workers)
                if isinstance(outcome, BaseException):
                    raise outcome
                received[number] = outcome
            yield from zip(chunk, received.pop(head))
    finally:
        for worker in workers:
            worker.terminate()
        tasks.cancel_join_thread()  # chunks nobody will read must not hold up exit
        for worker in workers:
            worker.join()
        tasks.close()
        results.close()


def _receive(results: Any, workers: list[Any]) -> tuple[int, _ChunkResult]:
    """The next (chunk number, triples per article) any worker sends."""
    while True:
        try:
            return results.get(timeout=0.5)  # type: ignore[no-any-return]
        except queue.Empty:
            dead = [w for w in workers if not w.is_alive()]
            if dead:
                raise GraphbuildError(
                    f"an extraction worker process ended unexpectedly (exit code "
                    f"{dead[0].exitcode}); rerun with fewer --jobs or without them") from None


def _worker(gazetteer: Gazetteer, model: str, batch_size: int, tasks: Any, results: Any) -> None:
    """Builds one Extractor, then extracts chunks until it is ended."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent ends us on Ctrl-C
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        extractor = Extractor(gazetteer, model)
    except Exception as exc:  # noqa: BLE001 -- whatever it is, the parent must hear of it
        results.put((-1, _portable(exc)))
        return
    for number, chunk in iter(tasks.get, None):
        outcome: _ChunkResult
        try:
            outcome = [triples for _a, triples in extractor.extract_many(
                chunk, batch_size=batch_size)]
        except Exception as exc:  # noqa: BLE001 -- as above
            outcome = _portable(exc)
        results.put((number, outcome))


def _portable(exc: Exception) -> BaseException:
    """An exception that survives the trip to the parent (any may not pickle)."""
    if isinstance(exc, GraphbuildError):
        return exc
    return RuntimeError(f"in an extraction worker: {type(exc).__name__}: {exc}")
