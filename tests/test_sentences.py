"""Sentence splitting and chunking: offsets always point into the article text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.records import Article
from graphbuild.sentences import chunks, sentences


def test_chunks_cover_the_text_and_respect_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "Iran met Iraq. " * 20 for i in range(40))
    pieces = list(chunks(text, limit=1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(text[off:off + len(p)] == p for off, p in pieces)
    # cut at paragraph breaks when there are some
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_chunks_of_unbroken_text_are_hard_cut() -> None:
    pieces = list(chunks("x" * 2500, limit=1000))
    assert [len(p) for _, p in pieces] == [1000, 1000, 500]


def test_headline_and_lines_are_their_own_sentences(extractor) -> None:
    text = "IRAN OPENS CHANNEL TO SYRIAN REBELS\nTehran met the rebels on Monday. They talked.\nBy a staff writer"
    doc = extractor.nlp(text)
    found = [s.text for s, _ in sentences(doc, 0, 0, text)]
    assert found[0] == "IRAN OPENS CHANNEL TO SYRIAN REBELS"
    assert found[-1] == "By a staff writer"
    assert "Tehran met the rebels on Monday." in found


def test_sentence_offsets_are_article_offsets_across_chunks(extractor, monkeypatch) -> None:
    import graphbuild.triples as triples_module

    # force several chunks so offsets must be shifted
    monkeypatch.setattr(triples_module, "chunks", lambda text: chunks(text, limit=300))
    text = "\n\n".join(f"Israel attacked Hezbollah in town number {i}." for i in range(30))
    out = extractor.extract(Article(id="long", text=text))
    assert len({t.sentence.index for t in out}) == 30
    for t in out:
        assert text[t.sentence.start:t.sentence.end] == t.sentence.text


def test_a_five_thousand_word_sentence_does_not_crash(extractor) -> None:
    text = "Iran " + " and ".join(["Iraq"] * 2500) + " met."
    extractor.extract(Article(id="huge", text=text))


@settings(derandomize=True, max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_unicode_text_extracts_without_error(extractor, text: str) -> None:
    article = Article(id="fuzz", text=text)
    for t in extractor.extract(article):
        assert 0 <= t.sentence.start <= t.sentence.end <= len(text)
        assert text[t.sentence.start:t.sentence.end] == t.sentence.text


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\ud800\udfff\x00 Iran attacked Israel.", "🙂" * 50])
def test_odd_inputs(extractor, text: str) -> None:
    for t in extractor.extract(Article(id="odd", text=text)):
        assert text[t.sentence.start:t.sentence.end] == t.sentence.text
