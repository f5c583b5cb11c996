"""Bad input at the `graphbuild` command level, one table: each row is what a
user feeds in, the exit code, the one line that explains it, and what still
reached the database. No row may print a traceback.

(The reader's own matrix, record by record, is in tests/test_articles.py.)
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphbuild.cli import cli
from graphbuild.store import open_store
from tests.conftest import SEED_ARTICLE

ATTACK = "Iran attacked Israel on Monday."


def run(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def db_contents(db: Path) -> tuple[list[str], list[str]]:
    """(article ids, statement sentences) of a database, or empty lists if none exists."""
    if not db.exists():
        return [], []
    with open_store(str(db), read_only=True) as store:
        ids = [r["id"] for r in store.query("MATCH (r:Article) RETURN r.id AS id ORDER BY id")]
        sentences = [r["sentence"] for r in store.query(
            "MATCH (s:Statement) RETURN s.sentence AS sentence ORDER BY sentence")]
    return ids, sentences


def write(name: str, data: str | bytes) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(path)]
    return make


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def symlink_loop(tmp: Path) -> list[str]:
    inner = tmp / "corpus" / "inner"
    inner.mkdir(parents=True)
    (inner / "a.txt").write_text(ATTACK + "\n")
    (inner / "back").symlink_to("..")
    return [str(tmp / "corpus")]


def long_single_line(tmp: Path) -> list[str]:
    # 1.2 million characters on one line (spaCy refuses texts over 1,000,000):
    # the extractor must cut it into pieces and keep offsets into the whole text
    filler = ("x" * 99 + " ") * 12_000
    path = tmp / "long.txt"
    path.write_text("Hamas condemned Egypt on Sunday. " + filler + "That was all. " + ATTACK)
    return [str(path)]


def long_sentence(tmp: Path) -> list[str]:
    words = " ".join(["and the delegates of many nations talked"] * 715)  # 5,005 words
    path = tmp / "run_on.txt"
    path.write_text(f"Officials met {words} for hours without a pause. {ATTACK}\n")
    return [str(path)]


def same_id_twice(tmp: Path) -> list[str]:
    path = tmp / "dup.jsonl"
    path.write_text(jsonl({"id": "same", "text": ATTACK},
                          {"id": "same", "text": "Hezbollah fired rockets at Israel."}))
    return [str(path)]


def unreadable(tmp: Path) -> list[str]:
    path = tmp / "secret.txt"
    path.write_text(ATTACK)
    path.chmod(0)
    return [str(path)]


@dataclass(frozen=True)
class Row:
    name: str
    command: str  # ingest | load | query | stats | view
    make: Callable[[Path], list[str]]  # the command's arguments, files written under tmp
    exit_code: int
    message: str  # a part of the one line that explains the outcome ("" if none)
    articles: list[str] | int = 0  # ids, or a count of content-hash ids, in the db after
    sentence: str | None = None  # a sentence a statement in the db must hold
    stdin: bytes | None = None
    extra: tuple[str, ...] = field(default=())


ROWS = [
    Row("binary file", "ingest", write("bin.txt", bytes(range(256)) * 40), 3,
        "bin.txt: binary file"),
    Row("utf-16 with bom", "ingest", write("u16.txt", (ATTACK + "\n").encode("utf-16")), 0, "",
        1, sentence=ATTACK),
    Row("utf-16 without bom", "ingest",
        write("u16le.txt", (ATTACK + "\n").encode("utf-16-le")), 0, "", 1, sentence=ATTACK),
    Row("latin-1", "ingest",
        write("latin1.txt", "Café owners in Tehran said Iran attacked Israel.\n".encode("latin-1")),
        0, "", 1, sentence="Café owners in Tehran said Iran attacked Israel."),
    Row("empty file", "ingest", write("empty.txt", b""), 3, "empty.txt: empty file"),
    Row("whitespace-only file", "ingest", write("blank.txt", " \n\t\n"), 3, "only whitespace"),
    Row("blank and whitespace jsonl lines", "ingest",
        write("ws.jsonl", "\n   \n\t\n" + jsonl({"id": "n1", "text": ATTACK}) + "\n \n"),
        0, "1 new articles", ["n1"], sentence=ATTACK),
    Row("malformed json line in the middle", "ingest",
        write("mal.jsonl", jsonl({"id": "a", "text": ATTACK}, '{"id": "b", "text": oops}',
                                 {"id": "c", "text": "Hezbollah fired rockets at Israel."})),
        0, "mal.jsonl:2: malformed JSON", ["a", "c"]),
    Row("jsonl object without text", "ingest",
        write("nt.jsonl", jsonl({"id": "x"}, {"id": "ok", "text": ATTACK})), 0,
        'nt.jsonl:1: no "text" field', ["ok"]),
    Row("jsonl text not a string", "ingest",
        write("ns.jsonl", jsonl({"id": "x", "text": 5}, {"id": "ok", "text": ATTACK})), 0,
        '"text" is a number, not a string', ["ok"]),
    Row("jsonl id not a string", "ingest",
        write("ni.jsonl", jsonl({"id": ["x"], "text": ATTACK}, {"id": 7, "text": ATTACK})), 0,
        '"id" is a list, not a string', ["7"]),
    Row("jsonl line not an object", "ingest", write("arr.jsonl", jsonl([1, 2], "null")), 3,
        "arr.jsonl:1"),
    Row("20 MB single-line article", "ingest",
        write("huge.txt", b"Iran " * (4 * 1024 * 1024 + 1)), 3, "file too large"),
    Row("20 MB jsonl line between good ones", "ingest",
        write("huge.jsonl", jsonl({"id": "a", "text": ATTACK}) + '{"id": "big", "text": "'
              + "Iraq " * (4 * 1024 * 1024 + 1) + '"}\n' + jsonl({"id": "c", "text": ATTACK})),
        0, "huge.jsonl:2: line too long", ["a", "c"]),
    Row("1.2 million characters on one line", "ingest", long_single_line, 0, "", 1,
        sentence=ATTACK),
    Row("5,000-word sentence", "ingest", long_sentence, 0, "", 1, sentence=ATTACK),
    Row("html page that is all script", "ingest",
        write("script.html", "<html><head><script>var a='Iran attacked Israel';</script>"
              "</head><body><script>alert(1)</script></body></html>"), 3, "no main text found"),
    Row("symlink loop", "ingest", symlink_loop, 0, "back: symbolic link loop", 1,
        sentence=ATTACK),
    Row("missing path", "ingest", lambda tmp: [str(tmp / "nope.txt")], 3,
        "nope.txt: no such file or directory"),
    Row("folder with nothing readable", "ingest",
        lambda tmp: [str(Path(write("folder/notes.csv", "a,b\n")(tmp)[0]).parent)], 3,
        "no article files"),
    Row("non-English text", "ingest",
        write("ar.txt", "هاجمت إيران إسرائيل يوم الاثنين. 伊朗周一袭击了以色列。\n"), 0, "", 1),
    Row("NUL, control, bidi characters and emoji", "ingest",
        write("ctrl.txt", "Iran\x00 attacked\x07 Israel\x1b on Monday \u202e\U0001f680.\r\n"),
        0, "", 1, sentence="Iran attacked Israel on Monday \u202e\U0001f680."),
    Row("same id twice with other text: the first is kept", "ingest", same_id_twice, 0,
        "dup.jsonl:2: id 'same' was already read from", ["same"], sentence=ATTACK),
    Row("garbage on standard input", "ingest", lambda tmp: ["-"], 3, "<stdin>:1",
        stdin=b"\xff\xfe\x00garbage\n{broken\n"),
    Row("missing gazetteer file", "ingest", write("a.txt", ATTACK), 4, "nope.json",
        extra=("--gazetteer", "nope.json")),
    Row("malformed gazetteer file", "ingest", write("a.txt", ATTACK), 4, "bad.json",
        extra=("--gazetteer", "bad.json")),
    Row("load: no triple record at all", "load", write("t.jsonl", "{oops\n[1]\n"), 9,
        "no triple record could be read"),
    Row("load: unknown relation", "load",
        write("t.jsonl", jsonl({"article": {"id": "a"}, "sentence": {
            "index": 0, "text": "x", "start": 0, "end": 1}, "subject": {"id": "iran"},
            "object": {"id": "israel"}, "relation": "DROP_TABLE"})), 9, "unknown relation"),
    Row("load: missing file", "load", lambda tmp: [str(tmp / "none.jsonl")], 9,
        "cannot read"),
    Row("load: a folder without shards", "load", lambda tmp: [str(tmp)], 9, "no triples-NNNNN.jsonl shard files"),
    Row("query: bad cypher", "query", lambda tmp: ["MATCH (a:Actor RETURN a"], 8, ""),
    Row("query: file that does not exist", "query",
        lambda tmp: ["--file", str(tmp / "missing.cypher")], 8, "missing.cypher"),
    Row("query: missing parameter", "query",
        lambda tmp: ["MATCH (a:Actor {id: $who}) RETURN a"], 8, "who"),
]

# the database rows below need: stats/query/view on a database that does not exist
NO_DB_ROWS = [
    Row("stats: missing database", "stats", lambda tmp: [], 6, "no database"),
    Row("query: missing database", "query", lambda tmp: ["RETURN 1"], 6, "no database"),
    Row("view: missing database", "view", lambda tmp: ["-o", str(tmp / "v.html")], 6,
        "no database"),
    Row("stats: a text file as database", "stats", lambda tmp: [], 6, "", extra=("text-db",)),
]


def invoke(row: Row, tmp: Path, db: Path) -> Result:
    os.chdir(tmp)  # relative gazetteer names resolve here
    if "bad.json" in row.extra:
        (tmp / "bad.json").write_text("{not json")
    if "text-db" in row.extra:
        db.write_text("not a database\n")
    args = [row.command, *row.make(tmp), *(e for e in row.extra if e != "text-db"),
            "--db", str(db)]
    if row.command in ("ingest", "load"):
        args.append("--quiet")
    return run(*args, input=row.stdin)


def check_one_line_error(result: Result, row: Row) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == row.exit_code, result.output
    if row.exit_code:
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1, result.stderr
        assert result.stderr.splitlines()[-1] == errors[0]
    if row.message:
        lines = [line for line in result.stderr.splitlines() if row.message in line]
        assert lines, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeded") / "g.lbug"
    assert run("ingest", str(SEED_ARTICLE), "--db", str(db), "-q").exit_code == 0
    return db


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_bad_input(row: Row, tmp_path: Path, seeded: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> None:
    monkeypatch.chdir(tmp_path)
    db = seeded if row.command == "query" else tmp_path / "g.lbug"
    started = time.monotonic()
    result = invoke(row, tmp_path, db)
    check_one_line_error(result, row)
    assert time.monotonic() - started < 120, "bad input must not take long"
    if row.command == "query":
        return
    ids, sentences = db_contents(db)
    if isinstance(row.articles, int):
        assert len(ids) == row.articles, ids
    else:
        assert ids == row.articles
    if row.sentence is not None:
        assert row.sentence in sentences, sentences


@pytest.mark.parametrize("row", NO_DB_ROWS, ids=[r.name for r in NO_DB_ROWS])
def test_missing_or_foreign_database(row: Row, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "nothing.lbug"
    check_one_line_error(invoke(row, tmp_path, db), row)
    if "text-db" in row.extra:
        assert db.read_text() == "not a database\n", "a foreign file is never overwritten"
    else:
        assert not db.exists(), "a read-only command must not create a database"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    args = unreadable(tmp_path)
    try:
        result = run("ingest", *args, "--db", str(tmp_path / "g.lbug"), "-q")
    finally:
        (tmp_path / "secret.txt").chmod(0o644)
    assert result.exit_code == 3 and "secret.txt: permission denied" in result.stderr


def test_long_article_offsets_point_into_the_whole_text(tmp_path: Path) -> None:
    """The triple past spaCy's 1,000,000-character limit keeps its place in the article."""
    [path] = long_single_line(tmp_path)
    text = Path(path).read_text()
    result = run("extract", path)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    late = [r["sentence"] for r in records if r["sentence"]["start"] > 1_000_000]
    assert late, "the sentence after the first million characters was not read"
    for sentence in late:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]


ROW_COUNT = len(ROWS) + len(NO_DB_ROWS) + 1  # quoted in the README's Guarantees


def test_debug_shows_a_traceback_on_purpose_and_only_then(seeded: Path) -> None:
    import subprocess
    import sys

    base = [sys.executable, "-m", "graphbuild"]
    query = ["query", "MATCH (a:Actor RETURN a", "--db", str(seeded)]
    plain = subprocess.run([*base, *query], capture_output=True, text=True, timeout=120)
    debug = subprocess.run([*base, "--debug", *query], capture_output=True, text=True,
                           timeout=120)
    assert plain.returncode == debug.returncode == 8
    assert "Traceback" not in plain.stderr and plain.stderr.count("\n") == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert debug.stderr.splitlines()[-1] == plain.stderr.strip()
