"""Properties over generated input (hypothesis): the extractor survives any text and
its offsets always point into the article; `extract | load` builds what `ingest` builds."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.articles import article_from_text
from graphbuild.cli import cli
from tests.test_crash_safety import canonical_dump

PHRASES = ["Iran attacked Israel.", "Hezbollah praised Iran on Monday.",
           "The United States did not sanction Qatar.", "Egypt may mediate between Hamas and Israel.",
           "Tehran", "Saudi", "Houthis", "\n\n", " ", "said", "."]
# any Unicode, surrogates and controls included, mixed with sentences that yield triples
TEXT = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=40)), min_size=1,
                max_size=12).map(" ".join)


@settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_any_text_extracts_without_error_and_offsets_point_into_it(
    extractor: Any, text: str
) -> None:
    if not text.strip():
        return
    article = article_from_text(text, id="prop")
    triples = extractor.extract(article)
    for triple in triples:
        sentence = triple.sentence
        assert 0 <= sentence.start < sentence.end <= len(article.text)
        assert article.text[sentence.start:sentence.end] == sentence.text
        assert triple.subject_text and triple.object_text


CORPUS = st.lists(
    st.tuples(st.lists(st.sampled_from(PHRASES[:4]), min_size=1, max_size=4),
              st.text(max_size=20), st.sampled_from([None, "2024-01-02", "2023-12-31"])),
    min_size=1, max_size=4)


def graph_without_empty_articles(db: Path) -> dict[str, Any]:
    """`extract` writes triples only, so an article without one never reaches `load`."""
    dump = canonical_dump(db)
    with_statements = {s["article"] for s in dump["statements"]}
    dump["articles"] = [a for a in dump["articles"] if a["id"] in with_statements]
    return dump


@settings(derandomize=True, max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus=CORPUS)
def test_extract_then_load_equals_ingest(corpus: list[tuple[list[str], str, str | None]]
                                         ) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        source.write_text("".join(
            json.dumps({"text": " ".join(sentences) + " " + noise, "published": date,
                        "title": noise or None}) + "\n"
            for sentences, noise, date in corpus), encoding="utf-8")
        ingested, loaded, triples = folder / "i.lbug", folder / "l.lbug", folder / "t.jsonl"
        result = runner.invoke(cli, ["ingest", str(source), "--db", str(ingested), "-q"])
        assert result.exit_code == 0, result.output
        result = runner.invoke(cli, ["extract", str(source), "-o", str(triples)])
        assert result.exit_code == 0, result.output
        result = runner.invoke(cli, ["load", str(triples), "--db", str(loaded), "-q"])
        assert result.exit_code == 0, result.output
        assert graph_without_empty_articles(loaded) == graph_without_empty_articles(ingested)
