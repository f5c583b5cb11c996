"""Sentences: article text -> chunks small enough for spaCy -> Sentence records.

Offsets always refer to Article.text, whatever chunk a sentence was parsed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from graphbuild.nlp import MAX_CHUNK
from graphbuild.records import Sentence

# Preferred cut points, best first: paragraph break, line break, sentence end, any space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s"),
         re.compile(r"\s"))


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering `text`, each at most `limit` characters,
    cut at the best boundary available in the last half of the window."""
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit  # one unbroken token longer than half the window: hard cut
        yield start, window[:cut]
        start += cut
    if start < len(text) or not text:
        yield start, text[start:]


def _trim(span: Span) -> Span | None:
    """The span without leading/trailing whitespace tokens; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or not doc[start].text.strip()):
        start += 1
    while end > start and (doc[end - 1].is_space or not doc[end - 1].text.strip()):
        end -= 1
    return doc[start:end] if end > start else None


def sentence_spans(doc: Doc) -> list[Span]:
    """The parser's sentences (newline-separated lines already split by the
    graphbuild_line_breaks component), trimmed, empty ones dropped."""
    spans = []
    for sent in doc.sents:
        trimmed = _trim(sent)
        if trimmed is not None:
            spans.append(trimmed)
    return spans


_SURROGATE = re.compile("[\ud800-\udfff]")


def spacy_safe(text: str) -> str:
    """Text spaCy can hash: lone surrogates become U+FFFD (same length, so
    offsets are unchanged)."""
    return _SURROGATE.sub("\ufffd", text)


def sentences(doc: Doc, offset: int = 0, first_index: int = 0,
              original: str | None = None) -> list[tuple[Sentence, Span]]:
    """Sentence records (offsets shifted by `offset`, the chunk's place in the
    article) paired with their spaCy spans, numbered from `first_index`.
    `original` is the chunk as in the article, when spaCy saw a cleaned copy."""
    out = []
    for i, span in enumerate(sentence_spans(doc)):
        text = original[span.start_char:span.end_char] if original is not None else span.text
        out.append((Sentence(index=first_index + i, text=text,
                             start=offset + span.start_char, end=offset + span.end_char), span))
    return out
