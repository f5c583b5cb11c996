"""Two processes on one embedded database: a second writer waits, then gives up
with its own exit code; readers work while an ingest holds the write lock."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.test_crash_safety import GRAPHBUILD, corpus, wait_for_first_article

ARTICLES = 1500


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """An ingest in progress (writing, holding the lock) on a fresh database."""
    folder = tmp_path_factory.mktemp("busy")
    db = folder / "g.lbug"
    source = corpus(folder / "corpus.jsonl", count=ARTICLES, seed=3)
    writer = subprocess.Popen([*GRAPHBUILD, "ingest", str(source), "--db", str(db), "-q"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_first_article(db, writer)
    assert writer.poll() is None, "the ingest ended before the test could use it"
    yield db, folder, writer
    writer.kill()
    writer.communicate()


def graphbuild(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GRAPHBUILD, *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_second_ingest_waits_then_exits_with_the_locked_code(busy) -> None:  # type: ignore[no-untyped-def]
    db, folder, writer = busy
    other = corpus(folder / "other.jsonl", count=2, seed=4)
    started = time.monotonic()
    result = graphbuild("ingest", str(other), "--db", str(db), "--wait", "2", "-q")
    waited = time.monotonic() - started
    assert writer.poll() is None, "the first ingest must still be running"
    assert result.returncode == 7, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"Error: database {db} is being written by another process; "
        "wait for it or use another --db"
    ]
    assert waited >= 2


def test_readers_work_while_an_ingest_runs(busy) -> None:  # type: ignore[no-untyped-def]
    db, folder, writer = busy
    stats = graphbuild("stats", "--db", str(db), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert 0 < json.loads(stats.stdout)["articles"] <= ARTICLES
    query = graphbuild("query", "MATCH (r:Article) RETURN count(r) AS n", "--db", str(db),
                       "--format", "json")
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout)[0]["n"] > 0
    page = folder / "view.html"
    view = graphbuild("view", "--db", str(db), "-o", str(page))
    assert view.returncode == 0, view.stderr
    assert "Iran" in page.read_text(encoding="utf-8")
    assert writer.poll() is None, "readers ran beside the writer, not after it"


def test_second_ingest_gets_in_once_the_first_ends(tmp_path: Path) -> None:
    db = tmp_path / "g.lbug"
    first = subprocess.Popen(
        [*GRAPHBUILD, "ingest", str(corpus(tmp_path / "a.jsonl", count=60, seed=5)),
         "--db", str(db), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_first_article(db, first)
    second = graphbuild("ingest", str(corpus(tmp_path / "b.jsonl", count=3, seed=6)),
                        "--db", str(db), "--wait", "240", "-q")
    assert first.wait(timeout=300) == 0
    assert second.returncode == 0, second.stderr
    stats = graphbuild("stats", "--db", str(db), "--format", "json")
    # both corpora number their articles from a0000: the second run's three ids
    # are already stored (with other text) and the first article of an id is kept
    assert json.loads(stats.stdout)["articles"] == 60
    assert "0 new articles (3 already present" in second.stderr
