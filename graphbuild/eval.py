"""Score extracted triples against gold data: the library behind `graphbuild eval`.

Two gold kinds, detected from content (metrics and matching rules are those of
../shared/eval/README.md):

* seed format (seed_gold.jsonl, dev_gold.jsonl): one JSON line per sentence
  with its hand-coded triples, plus an actors file (canonical name -> aliases).
  Recall over required triples, precision over predicted triples, strict
  (relation or an accepted alternative) and unlabeled (actor pair only).
  negated/hedged flags are not part of a match; their agreement on strict
  matches is reported separately (negated_accuracy, hedged_accuracy).
* PLOVER records (plover_gsr_dev.json): one coded event per sentence, actors as
  country codes. Strict and unlabeled recall, relation accuracy on pair-matched
  records, over-generation, per-relation recall and a confusion table.

Predictions are triple records as `graphbuild extract --format jsonl` prints
them, or come from running an extractor here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from graphbuild.errors import EvalError
from graphbuild.gazetteer import normalise, slug
from graphbuild.records import Article, Triple
from graphbuild.relations import LEGACY_NAMES, RELATIONS

# Older country codes in the PLOVER gold records.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201a": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                         "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+")


class TripleExtractor(Protocol):
    """What evaluate() needs of an extractor (graphbuild.triples.Extractor has it)."""

    def extract(self, article: Article) -> list[Triple]: ...


# -- normalisation -------------------------------------------------------------
def actor_key(name: str) -> str:
    """Comparable form of an actor name: casefold, plain quotes/dashes, no leading
    article or possessive 's, no surrounding punctuation."""
    return normalise(name.translate(_QUOTES).strip(" \t\n.,;:!?\"'()[]"))


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Text folded for sentence location (case, quotes, dashes, runs of spaces),
    and for each folded character the offset of the original it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch).translate(_QUOTES).casefold():
            if c.isspace():
                if not chars or chars[-1] == " ":
                    continue
                c = " "
            chars.append(c)
            origin.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    origin.append(len(text))
    return "".join(chars), origin


def fold(text: str) -> str:
    return _normalise_with_map(text)[0]


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(fold(text)))


def _ratio(found: int, total: int) -> float:
    return found / total if total else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _relation_name(name: Any) -> str:
    text = str(name or "").strip().upper()
    return LEGACY_NAMES.get(text, text)


def _is_symmetric(relation: str) -> bool:
    rel = RELATIONS.get(relation)
    return bool(rel and rel.symmetric)


# -- predictions ---------------------------------------------------------------
@dataclass(frozen=True)
class Prediction:
    """One predicted triple, reduced to what scoring needs."""

    where: str  # file:line or "prediction N", for messages
    article: str
    sentence: str
    start: int | None
    end: int | None
    subject: dict[str, Any]
    relation: str
    object: dict[str, Any]
    predicate: str
    negated: bool
    hedged: bool
    confidence: float
    evidence: str

    def describe(self, codes: bool = False) -> str:
        flags = "".join(m for m, on in (("!", self.negated), ("?", self.hedged)) if on)
        subj = _actor_label(self.subject, codes)
        obj = _actor_label(self.object, codes)
        text = f"{subj} -{self.relation}{flags}-> {obj}"
        if self.predicate:
            text += f'  "{self.predicate}"'
        if self.evidence:
            text += f"  [{self.evidence}]"
        return text

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "relation": self.relation, "object": self.object,
                "predicate": self.predicate, "negated": self.negated, "hedged": self.hedged,
                "confidence": self.confidence, "evidence": self.evidence, "where": self.where}


def _actor_label(ref: dict[str, Any], codes: bool = False) -> str:
    name = str(ref.get("name") or ref.get("id") or "?")
    text = str(ref.get("text") or "")
    label = f"{name} ({text!r})" if text and actor_key(text) != actor_key(name) else name
    if codes:
        label += f" [{'/'.join(sorted(actor_codes(ref))) or 'no code'}]"
    return label


def _prediction(record: Any, where: str) -> Prediction:
    try:
        if not isinstance(record, dict):
            raise TypeError("not a JSON object")
        art = record["article"]
        article = str(art["id"] if isinstance(art, dict) else art)
        sent = record.get("sentence") or {}
        if not isinstance(sent, dict):
            sent = {"text": str(sent)}
        subject, obj = record["subject"], record["object"]
        if not isinstance(subject, dict) or not isinstance(obj, dict):
            raise TypeError("subject and object must be objects")
        start, end = sent.get("start"), sent.get("end")
        return Prediction(
            where=where,
            article=article,
            sentence=str(sent.get("text") or ""),
            start=int(start) if start is not None else None,
            end=int(end) if end is not None else None,
            subject=subject,
            relation=_relation_name(record["relation"]),
            object=obj,
            predicate=str(record.get("predicate") or ""),
            negated=bool(record.get("negated", False)),
            hedged=bool(record.get("hedged", False)),
            confidence=float(record.get("confidence", 0.5)),
            evidence=str(record.get("evidence") or ""),
        )
    except KeyError as exc:
        raise EvalError(f"{where}: not a triple record (missing {exc.args[0]!r})") from None
    except (TypeError, ValueError) as exc:
        raise EvalError(f"{where}: not a triple record ({exc})") from None


def _parse_line(line: str, where: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{where}: not valid JSON ({exc.msg})") from None


def read_predictions(path: str | Path) -> Iterator[Prediction]:
    """Triple records from a JSONL file; a bad line raises EvalError naming file and line."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    where = f"{path}:{number}"
                    yield _prediction(_parse_line(line, where), where)
    except OSError as exc:
        raise EvalError(f"cannot read predictions {path}: {exc.strerror or exc}") from None


def _predictions(source: str | Path | Iterable[dict[str, Any] | str]) -> list[Prediction]:
    if isinstance(source, (str, Path)):
        return list(read_predictions(source))
    out = []
    for number, item in enumerate(source, start=1):
        where = f"predictions line {number}"
        if isinstance(item, str):
            if not item.strip():
                continue
            item = _parse_line(item, where)
        out.append(_prediction(item, where))
    return out


def _run_extractor(extractor: Any, articles: list[Article]) -> list[Prediction]:
    # extract_many lets spaCy batch the parse; .extract is the required interface
    if hasattr(extractor, "extract_many"):
        results = ((a, list(ts)) for a, ts in extractor.extract_many(iter(articles)))
    else:
        results = ((a, extractor.extract(a)) for a in articles)
    out = []
    for article, triples in results:
        for n, triple in enumerate(triples):
            out.append(_prediction(triple.to_json(), f"{article.id} triple {n}"))
    return out


# -- seed-format gold ----------------------------------------------------------
@dataclass(frozen=True)
class GoldTriple:
    subject: str
    relation: str
    object: str
    negated: bool | None
    hedged: bool | None
    alternatives: tuple[str, ...] = ()
    optional: bool = False
    note: str = ""

    @property
    def relations(self) -> tuple[str, ...]:
        return (self.relation, *self.alternatives)

    def describe(self) -> str:
        flags = "".join(m for m, on in (("!", self.negated), ("?", self.hedged)) if on)
        alts = f" (or {', '.join(self.alternatives)})" if self.alternatives else ""
        return f"{self.subject} -{self.relation}{flags}-> {self.object}{alts}"


@dataclass
class GoldSentence:
    article: str
    index: int  # position in its article, from 0
    text: str
    triples: list[GoldTriple]
    where: str
    span: tuple[int, int] | None = None  # in the folded article text

    @property
    def label(self) -> str:
        return f"{self.article}#{self.index}"


@dataclass
class GoldArticle:
    id: str
    text: str
    title: str | None = None
    rebuilt: bool = False  # text joined from the gold sentences: offsets mean nothing
    sentences: list[GoldSentence] = field(default_factory=list)
    folded: str = ""
    origin: list[int] = field(default_factory=list)

    def locate_sentences(self) -> None:
        self.folded, self.origin = _normalise_with_map(self.text)
        cursor = 0
        for sentence in self.sentences:
            needle = fold(sentence.text)
            at = self.folded.find(needle, cursor)
            if at < 0:
                at = self.folded.find(needle)
            if at >= 0 and needle:
                sentence.span = (at, at + len(needle))
                cursor = at + len(needle)

    def span_of(self, pred: Prediction) -> tuple[int, int] | None:
        """Where a predicted sentence lies in the folded article text."""
        needle = fold(pred.sentence)
        offsets_ok = (pred.start is not None and pred.end is not None
                      and 0 <= pred.start < pred.end <= len(self.text) and not self.rebuilt)
        if offsets_ok:
            assert pred.start is not None and pred.end is not None
            if not needle or fold(self.text[pred.start:pred.end]) == needle:
                return (bisect_left(self.origin, pred.start), bisect_left(self.origin, pred.end))
        if not needle:
            return None
        hits = [m.start() for m in re.finditer(re.escape(needle), self.folded)]
        if not hits:
            return None
        near = bisect_left(self.origin, pred.start or 0)
        at = min(hits, key=lambda h: abs(h - near))
        return (at, at + len(needle))

    def sentence_for(self, pred: Prediction) -> GoldSentence | None:
        """The gold sentence the predicted sentence overlaps most; by shared words
        when the prediction cannot be placed in the text."""
        span = self.span_of(pred)
        if span is not None:
            best, most = None, 0
            for sentence in self.sentences:
                if sentence.span is None:
                    continue
                overlap = min(span[1], sentence.span[1]) - max(span[0], sentence.span[0])
                if overlap > most:
                    best, most = sentence, overlap
            # placed in a fully located text but in no gold sentence: outside the gold
            if best is not None or all(s.span for s in self.sentences):
                return best
        words = _words(pred.sentence)
        if not words:
            return None
        best, most = None, 0
        for sentence in self.sentences:
            shared = sum((words & _words(sentence.text)).values())
            if shared > most:
                best, most = sentence, shared
        size = min(sum(words.values()), sum(_words(best.text).values())) if best else 0
        return best if best is not None and most >= max(3, size / 2) else None


def _flag(value: Any, where: str, name: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise EvalError(f"{where}: {name} must be true, false or null, not {value!r}")


def _gold_triple(raw: Any, where: str) -> GoldTriple:
    if not isinstance(raw, dict):
        raise EvalError(f"{where}: a triple is not a JSON object")
    try:
        subject, relation, obj = str(raw["subject"]), _relation_name(raw["relation"]), str(raw["object"])
    except KeyError as exc:
        raise EvalError(f"{where}: a triple lacks {exc.args[0]!r}") from None
    alternatives = tuple(_relation_name(a) for a in raw.get("alternatives") or ())
    for name in (relation, *alternatives):
        if name not in RELATIONS:
            raise EvalError(f"{where}: unknown relation {name!r}")
    return GoldTriple(subject, relation, obj,
                      negated=_flag(raw.get("negated", False), where, "negated"),
                      hedged=_flag(raw.get("hedged", False), where, "hedged"),
                      alternatives=alternatives, optional=bool(raw.get("optional", False)),
                      note=str(raw.get("note") or ""))


def _seed_sentences(path: Path, text: str) -> list[GoldSentence]:
    sentences: list[GoldSentence] = []
    per_article: Counter[str] = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        record = _parse_line(line, where)
        if not isinstance(record, dict) or not {"article", "sentence", "triples"} <= record.keys():
            raise EvalError(f"{where}: expected {{\"article\", \"sentence\", \"triples\"}}")
        if not isinstance(record["triples"], list):
            raise EvalError(f"{where}: \"triples\" must be a list")
        article = str(record["article"])
        triples = [_gold_triple(t, where) for t in record["triples"]]
        sentences.append(GoldSentence(article, per_article[article], str(record["sentence"]),
                                      triples, where))
        per_article[article] += 1
    if not sentences:
        raise EvalError(f"{path}: no gold sentences")
    return sentences


def _default_actors_path(gold: Path) -> Path:
    stem = gold.name.split(".")[0]
    name = stem.replace("gold", "actors") if "gold" in stem else f"{stem}_actors"
    return gold.with_name(name + ".json")


def load_actor_aliases(path: Path) -> dict[str, set[str]]:
    """Folded alias -> canonical gold actors it names (ids as slugs too)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read actors file {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"actors file {path} is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise EvalError(f"actors file {path}: expected {{name: {{aliases: [...]}}}}")
    index: dict[str, set[str]] = {}
    for name, entry in data.items():
        aliases = entry.get("aliases", []) if isinstance(entry, dict) else []
        if not isinstance(aliases, list):
            raise EvalError(f"actors file {path}: aliases of {name!r} must be a list")
        for alias in [name, *aliases]:
            for key in (actor_key(str(alias)), "id:" + slug(str(alias))):
                index.setdefault(key, set()).add(name)
    return index


def _read_texts(path: Path) -> dict[str, tuple[str, str | None]]:
    """Article id -> (text, title) from an articles JSONL (or one .txt file: id '')."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read article texts {path}: {exc}") from None
    if path.suffix.lower() in (".txt", ".md"):
        return {"": (content, None)}
    texts = {}
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        record = _parse_line(line, f"{path}:{number}")
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise EvalError(f"{path}:{number}: expected an article {{\"id\", \"text\"}}")
        texts[str(record.get("id", ""))] = (record["text"], record.get("title"))
    return texts


def _shipped_text(article_id: str) -> str | None:
    """An article that ships with graphbuild (seeds/<id>.txt), e.g. the seed article."""
    try:
        resource = resources.files("graphbuild.seeds").joinpath(f"{article_id}.txt")
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError, ValueError):
        pass
    local = Path(__file__).resolve().parent.parent / "seeds" / f"{article_id}.txt"
    return local.read_text(encoding="utf-8") if local.is_file() else None


def _gold_articles(sentences: list[GoldSentence], text: Path | None) -> dict[str, GoldArticle]:
    texts = _read_texts(text) if text else {}
    by_id: dict[str, list[GoldSentence]] = {}
    for sentence in sentences:
        by_id.setdefault(sentence.article, []).append(sentence)
    articles = {}
    for article_id, group in by_id.items():
        found = texts.get(article_id) or (texts.get("") if len(by_id) == 1 else None)
        shipped = None if found else _shipped_text(article_id)
        if found:
            article = GoldArticle(article_id, found[0], found[1])
        elif shipped is not None:
            article = GoldArticle(article_id, shipped)
        else:
            article = GoldArticle(article_id, " ".join(s.text for s in group), rebuilt=True)
        article.sentences = group
        article.locate_sentences()
        articles[article_id] = article
    return articles


# -- the report ----------------------------------------------------------------
@dataclass
class EvalReport:
    """Scores of one run against one gold file.

    `metrics` holds the stable figures (ratios 0..1, over-generation in triples
    per record); `counts` the numbers behind them; `misses` and
    `false_positives` the detail a developer needs to see why.
    """

    kind: str  # "seed" or "plover"
    gold: str
    metrics: dict[str, float]
    counts: dict[str, int]
    per_relation: dict[str, dict[str, int]]
    confusion: dict[str, dict[str, int]]
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    flag_errors: list[dict[str, Any]] = field(default_factory=list)
    ignored: list[dict[str, Any]] = field(default_factory=list)
    hits: list[dict[str, Any]] = field(default_factory=list)  # right predictions, for context

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "gold": self.gold,
            "metrics": {k: round(v, 4) for k, v in self.metrics.items()},
            "counts": self.counts, "per_relation": self.per_relation,
            "confusion": self.confusion, "misses": self.misses,
            "false_positives": self.false_positives, "flag_errors": self.flag_errors,
            "ignored": self.ignored, "hits": self.hits,
        }

    def to_text(self, errors: bool = False) -> str:
        lines = self._summary_lines()
        lines += ["", f"{'per relation':<16}{'gold':>6}{'strict':>8}{'pair':>6}"]
        for rel, row in sorted(self.per_relation.items()):
            lines.append(f"{rel:<16}{row['gold']:>6}{row['strict']:>8}{row['unlabeled']:>6}")
        wrong = [(g, p, n) for g, row in self.confusion.items() for p, n in row.items() if g != p]
        if wrong:
            lines += ["", "wrong relation on matched pairs (gold -> predicted: count)"]
            wrong.sort(key=lambda x: (-x[2], x[0], x[1]))
            lines += [f"  {g} -> {p}: {n}" for g, p, n in wrong]
        if self.ignored:
            lines += ["", (f"{len(self.ignored)} predicted triples ignored (not in any gold "
                           "article or sentence); --errors lists them")]
        if errors:
            lines += self._error_lines()
        return "\n".join(lines)

    def _summary_lines(self) -> list[str]:
        m, c = self.metrics, self.counts
        if self.kind == "plover":
            records, pairs = c["records"], c["unlabeled_found"]
            return [
                (f"{self.gold}: {records} PLOVER records, {c['predicted']} predicted event triples "
                 f"({c.get('ties', 0)} structural ties not scored: PLOVER codes events only)"),
                f"strict recall      {m['strict_recall']:.3f}  ({c['strict_found']}/{records})",
                f"unlabeled recall   {m['unlabeled_recall']:.3f}  ({pairs}/{records})",
                (f"relation accuracy  {m['relation_accuracy']:.3f}  "
                 f"({c['strict_found']}/{pairs} pair-matched records)"),
                f"over-generation    {m['overgeneration']:.2f} triples per record",
            ]
        lines = [
            (f"{self.gold}: {c['sentences']} sentences in {c['articles']} articles, "
             f"{c['required']} required + {c['optional']} optional gold triples, "
             f"{c['predicted']} predicted"),
            f"{'':<11}{'recall':>8}{'precision':>11}{'F1':>7}",
        ]
        for mode in ("strict", "unlabeled"):
            lines.append(
                f"{mode:<11}{m[mode + '_recall']:>8.3f}{m[mode + '_precision']:>11.3f}"
                f"{m[mode + '_f1']:>7.3f}   ({c[mode + '_found']}/{c['required']} found, "
                f"{c[mode + '_correct']}/{c['predicted']} right)")
        lines.append(
            f"flags on strict matches: negated accuracy {m['negated_accuracy']:.3f}, "
            f"hedged accuracy {m['hedged_accuracy']:.3f} (of {c['strict_correct']})")
        return lines

    def _error_lines(self) -> list[str]:
        """Per sentence with a miss or a wrong triple: the gold it missed, then every
        triple predicted there (OK, FALSE, FLAG), each with predicate and evidence."""
        groups: dict[str, dict[str, Any]] = {}
        for kind, items in (("MISS", self.misses), ("FALSE", self.false_positives),
                            ("FLAG", self.flag_errors), ("IGNORED", self.ignored)):
            for item in items:
                group = groups.setdefault(item["where"], {"sentence": item["sentence"], "rows": []})
                group["rows"].append((kind, item))
        for item in self.hits:
            if item["where"] in groups:
                groups[item["where"]]["rows"].append(("OK", item))
        lines: list[str] = []
        for where, group in groups.items():
            lines += ["", f"{where}: {group['sentence']}"]
            for kind, item in group["rows"]:
                lines.append(f"  {kind:<7} {item['triple']}")
                if item.get("note"):
                    lines.append(f"          {item['note']}")
        return lines


# -- scoring: seed format --------------------------------------------------------
def _gold_actors_of(ref: dict[str, Any], aliases: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    for value in (ref.get("name"), ref.get("id"), ref.get("text")):
        if value:
            found |= aliases.get(actor_key(str(value)), set())
    if ref.get("id"):
        found |= aliases.get("id:" + slug(str(ref["id"])), set())
    return found


def _pair_match(pred: Prediction, gold: GoldTriple, subj: set[str], obj: set[str]) -> tuple[bool, bool]:
    """(unlabeled, strict) match of a prediction with a gold triple."""
    forward = gold.subject in subj and gold.object in obj
    backward = gold.object in subj and gold.subject in obj
    either_symmetric = _is_symmetric(pred.relation) or any(_is_symmetric(r) for r in gold.relations)
    unlabeled = forward or (backward and either_symmetric)
    strict = pred.relation in gold.relations and (
        forward or (backward and _is_symmetric(pred.relation)))
    return unlabeled, strict


def _flags_agree(pred: Prediction, gold: GoldTriple) -> tuple[bool, bool]:
    return (gold.negated is None or gold.negated == pred.negated,
            gold.hedged is None or gold.hedged == pred.hedged)


def _score_seed(gold_path: Path, sentences: list[GoldSentence], articles: dict[str, GoldArticle],
                aliases: dict[str, set[str]], preds: list[Prediction]) -> EvalReport:
    # place every prediction in a gold sentence
    placed: dict[int, list[tuple[Prediction, GoldSentence]]] = {}
    ignored: list[dict[str, Any]] = []
    article_of: dict[str, GoldArticle | None] = {}
    for pred in preds:
        if pred.article not in article_of:
            article = articles.get(pred.article)
            if article is None and pred.sentence:
                # ids differ (e.g. a content hash): find the article by its words
                needle = fold(pred.sentence)
                article = next((a for a in articles.values() if needle in a.folded), None)
            article_of[pred.article] = article
        article = article_of[pred.article]
        sentence = article.sentence_for(pred) if article else None
        if sentence is None:
            reason = "no gold sentence" if article else "article not in the gold"
            ignored.append({"where": f"{pred.article} ({reason})", "sentence": pred.sentence,
                            "triple": pred.describe()})
            continue
        placed.setdefault(id(sentence), []).append((pred, sentence))

    strict_found: set[tuple[int, int]] = set()
    pair_found: set[tuple[int, int]] = set()
    pair_relations: dict[tuple[int, int], Counter[str]] = {}
    strict_correct = unlabeled_correct = neg_ok = hedge_ok = 0
    false_positives: list[dict[str, Any]] = []
    flag_errors: list[dict[str, Any]] = []
    hits: list[dict[str, Any]] = []
    for s_i, sentence in enumerate(sentences):
        for pred, _ in placed.get(id(sentence), []):
            subj = _gold_actors_of(pred.subject, aliases)
            obj = _gold_actors_of(pred.object, aliases)
            strict_golds, any_pair = [], False
            for t_i, gold in enumerate(sentence.triples):
                unlabeled, strict = _pair_match(pred, gold, subj, obj)
                if unlabeled:
                    any_pair = True
                    pair_found.add((s_i, t_i))
                    pair_relations.setdefault((s_i, t_i), Counter())[pred.relation] += 1
                if strict:
                    strict_golds.append(gold)
                    strict_found.add((s_i, t_i))
            unlabeled_correct += any_pair
            if strict_golds:
                strict_correct += 1
                # judge the flags against the gold reading that agrees best
                best = max(strict_golds, key=lambda g: sum(_flags_agree(pred, g)))
                neg, hedge = _flags_agree(pred, best)
                neg_ok += neg
                hedge_ok += hedge
                entry = {"where": sentence.label, "sentence": sentence.text,
                         "triple": pred.describe()}
                if neg and hedge:
                    hits.append(entry)
                else:
                    entry["note"] = (f"gold: {best.describe()} "
                                     f"negated={best.negated} hedged={best.hedged}")
                    flag_errors.append(entry)
            else:
                false_positives.append({
                    "where": sentence.label, "sentence": sentence.text,
                    "triple": pred.describe(),
                    "note": "right actor pair, wrong relation" if any_pair else ""})

    required = [(s_i, t_i, s, g) for s_i, s in enumerate(sentences)
                for t_i, g in enumerate(s.triples) if not g.optional]
    misses = []
    per_relation: dict[str, dict[str, int]] = {}
    confusion: dict[str, dict[str, int]] = {}
    for s_i, t_i, sentence, gold in required:
        row = per_relation.setdefault(gold.relation, {"gold": 0, "strict": 0, "unlabeled": 0})
        row["gold"] += 1
        key = (s_i, t_i)
        row["strict"] += key in strict_found
        row["unlabeled"] += key in pair_found
        if key in pair_found:
            predicted = gold.relation if key in strict_found else \
                pair_relations[key].most_common(1)[0][0]
            cell = confusion.setdefault(gold.relation, {})
            cell[predicted] = cell.get(predicted, 0) + 1
        if key not in strict_found:
            here = [p.describe() for p, _ in placed.get(id(sentence), [])]
            misses.append({"where": sentence.label, "sentence": sentence.text,
                           "triple": gold.describe(), "note": gold.note,
                           "pair_found": key in pair_found, "predicted_here": here})

    n_pred = sum(len(v) for v in placed.values())
    n_req = len(required)
    s_found = sum(1 for s_i, t_i, _, _ in required if (s_i, t_i) in strict_found)
    u_found = sum(1 for s_i, t_i, _, _ in required if (s_i, t_i) in pair_found)
    sr, sp = _ratio(s_found, n_req), _ratio(strict_correct, n_pred)
    ur, up = _ratio(u_found, n_req), _ratio(unlabeled_correct, n_pred)
    metrics = {
        "strict_recall": sr, "strict_precision": sp, "strict_f1": _f1(sp, sr),
        "unlabeled_recall": ur, "unlabeled_precision": up, "unlabeled_f1": _f1(up, ur),
        "negated_accuracy": _ratio(neg_ok, strict_correct),
        "hedged_accuracy": _ratio(hedge_ok, strict_correct),
    }
    counts = {
        "articles": len(articles), "sentences": len(sentences), "required": n_req,
        "optional": sum(g.optional for s in sentences for g in s.triples),
        "predicted": n_pred, "ignored": len(ignored), "strict_found": s_found,
        "unlabeled_found": u_found, "strict_correct": strict_correct,
        "unlabeled_correct": unlabeled_correct,
    }
    return EvalReport("seed", str(gold_path), metrics, counts, per_relation, confusion,
                      misses, false_positives, flag_errors, ignored, hits)


# -- PLOVER records --------------------------------------------------------------
@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str  # current relation name
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    reciprocal: bool

    def matches(self, subj: set[str], obj: set[str]) -> bool:
        """Does a predicted (subject codes, object codes) pair fit the coded actors?"""
        if self.reciprocal:
            listed = [*self.sources, *self.targets]
            return any(a in subj and b in obj
                       for i, a in enumerate(listed) for j, b in enumerate(listed) if i != j)
        return bool(subj & set(self.sources)) and (not self.targets or bool(obj & set(self.targets)))

    def describe(self) -> str:
        arrow = "<->" if self.reciprocal else "->"
        return f"{'/'.join(self.sources)} -{self.event}{arrow} {'/'.join(self.targets) or '(any)'}"


def _codes(raw: Any, where: str, name: str) -> tuple[str, ...]:
    if raw in (None, ""):
        return ()
    if not isinstance(raw, list):
        raise EvalError(f"{where}: {name} must be a list of actors")
    codes = []
    for actor in raw:
        code = actor.get("code") if isinstance(actor, dict) else None
        if not isinstance(code, str):
            raise EvalError(f"{where}: every {name} actor needs a \"code\"")
        code = code.strip().upper()
        codes.append(OLD_CODES.get(code, code))
    return tuple(codes)


def _plover_records(path: Path, data: Any) -> list[PloverRecord]:
    if not isinstance(data, list) or not data:
        raise EvalError(f"{path}: expected a JSON list of PLOVER records")
    records = []
    for index, raw in enumerate(data):
        where = f"{path} record {index}"
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            raise EvalError(f"{where}: a record needs a \"text\"")
        event = _relation_name(raw.get("event"))
        if event not in RELATIONS:
            raise EvalError(f"{where}: unknown event {raw.get('event')!r}")
        info = raw.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        records.append(PloverRecord(
            id=str(raw.get("id") or index), text=raw["text"], event=event,
            sources=_codes(raw.get("source"), where, "source"),
            targets=_codes(raw.get("target"), where, "target"),
            reciprocal="SRC/TAR:" in markup))
    return records


def actor_codes(ref: dict[str, Any]) -> set[str]:
    """The PLOVER codes a predicted actor can stand for."""
    codes = set()
    country = ref.get("country")
    if country:
        code = str(country).upper()
        codes.add(OLD_CODES.get(code, code))
    kind = ref.get("kind")
    if kind in ("IGO", "NGO"):
        codes.add(kind)
    if kind == "ARMED_GROUP" and not country:
        codes.add("IMG")  # a transnational armed group such as al-Qaeda
    codes.discard("ISM")  # a religious group: no predicted actor stands for it (README)
    return codes


def _score_plover(gold_path: Path, records: list[PloverRecord],
                  preds: list[Prediction]) -> EvalReport:
    by_id = {r.id: r for r in records}
    by_text = {fold(r.text): r for r in records}
    placed: dict[str, list[Prediction]] = {}
    ignored = []
    ties = 0
    for pred in preds:
        if RELATIONS[pred.relation].family != "event":
            ties += 1  # PLOVER codes events: a tie (LEADS, MEMBER_OF, ...) it can neither confirm nor deny
            continue
        record = by_id.get(pred.article) or by_text.get(fold(pred.sentence))
        if record is None and pred.sentence:
            needle = fold(pred.sentence)
            record = next((r for t, r in by_text.items() if needle in t), None)
        if record is None:
            ignored.append({"where": f"{pred.article} (not a gold record)",
                            "sentence": pred.sentence, "triple": pred.describe(codes=True)})
            continue
        placed.setdefault(record.id, []).append(pred)

    strict_found = pair_found = 0
    per_relation: dict[str, dict[str, int]] = {}
    confusion: dict[str, dict[str, int]] = {}
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    hits: list[dict[str, Any]] = []
    for record in records:
        mine = placed.get(record.id, [])
        pairs = [p for p in mine if record.matches(actor_codes(p.subject), actor_codes(p.object))]
        strict = any(p.relation == record.event for p in pairs)
        row = per_relation.setdefault(record.event, {"gold": 0, "strict": 0, "unlabeled": 0})
        row["gold"] += 1
        row["strict"] += strict
        row["unlabeled"] += bool(pairs)
        strict_found += strict
        pair_found += bool(pairs)
        if pairs:
            predicted = record.event if strict else max(pairs, key=lambda p: p.confidence).relation
            cell = confusion.setdefault(record.event, {})
            cell[predicted] = cell.get(predicted, 0) + 1
        if not strict:
            misses.append({"where": record.id, "sentence": record.text,
                           "triple": record.describe(), "pair_found": bool(pairs),
                           "predicted_here": [p.describe(codes=True) for p in mine]})
        for p in mine:
            entry = {"where": record.id, "sentence": record.text,
                     "triple": p.describe(codes=True)}
            if p in pairs and p.relation == record.event:
                hits.append(entry)
            else:
                entry["note"] = ("right actors, wrong relation" if p in pairs
                                 else "actors not coded here")
                false_positives.append(entry)

    n_pred = sum(len(v) for v in placed.values())
    metrics = {
        "strict_recall": _ratio(strict_found, len(records)),
        "unlabeled_recall": _ratio(pair_found, len(records)),
        "relation_accuracy": _ratio(strict_found, pair_found),
        "overgeneration": _ratio(n_pred, len(records)),
    }
    counts = {"records": len(records), "predicted": n_pred, "ties": ties, "ignored": len(ignored),
              "strict_found": strict_found, "unlabeled_found": pair_found,
              "reciprocal": sum(r.reciprocal for r in records),
              "no_target": sum(not r.targets for r in records)}
    return EvalReport("plover", str(gold_path), metrics, counts, per_relation, confusion,
                      misses, false_positives, [], ignored, hits)


# -- entry point -----------------------------------------------------------------
def load_gold(gold: Path) -> tuple[str, Any]:
    """("seed", sentences) or ("plover", records), by the file's content."""
    try:
        content = Path(gold).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvalError(f"gold file {gold} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"cannot read gold file {gold}: {exc}") from None
    if content.lstrip().startswith("["):
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{gold}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
        return "plover", _plover_records(Path(gold), data)
    if not content.strip():
        raise EvalError(f"gold file {gold} is empty")
    return "seed", _seed_sentences(Path(gold), content)


def evaluate(
    gold: Path,
    *,
    predictions: str | Path | Iterable[dict[str, Any] | str] | None = None,
    extractor: TripleExtractor | None = None,
    actors: Path | None = None,
    text: Path | None = None,
) -> EvalReport:
    """Score predictions (triple records, JSON lines or a JSONL path) or an
    extractor's output against a gold file (seed format or PLOVER records).

    Args:
        gold: seed-format JSONL (with an actors file) or a PLOVER JSON list.
        predictions: what `graphbuild extract --format jsonl` printed.
        extractor: instead of predictions: run `extractor.extract(article)` on
            the gold articles (seed/dev: ids = the gold "article" ids; PLOVER:
            one article per record, id = the record's id).
        actors: seed format only; default the sibling *_actors.json.
        text: seed format only: an articles JSONL (or .txt) holding the article
            texts; default the shipped seeds/<id>.txt, else the gold sentences joined.
    """
    if (predictions is None) == (extractor is None):
        raise EvalError("give either predictions or an extractor to score")
    gold = Path(gold)
    kind, data = load_gold(gold)
    if kind == "plover":
        records: list[PloverRecord] = data
        if extractor is not None:
            preds = _run_extractor(extractor, [Article(id=r.id, text=r.text) for r in records])
        else:
            assert predictions is not None
            preds = _predictions(predictions)
        return _score_plover(gold, records, preds)

    sentences: list[GoldSentence] = data
    actors_path = Path(actors) if actors else _default_actors_path(gold)
    if not actors_path.is_file():
        raise EvalError(f"actors file {actors_path} not found; give it with --actors")
    aliases = load_actor_aliases(actors_path)
    articles = _gold_articles(sentences, Path(text) if text else None)
    if extractor is not None:
        preds = _run_extractor(extractor, [Article(id=a.id, text=a.text, title=a.title)
                                           for a in articles.values()])
    else:
        assert predictions is not None
        preds = _predictions(predictions)
    return _score_seed(gold, sentences, articles, aliases, preds)
