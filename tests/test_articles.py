"""Reading articles: formats, stdin, folders, ids, and the bad-input matrix (no spaCy)."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild import articles
from graphbuild.articles import article_from_text, iter_article_paths, read_articles
from graphbuild.errors import ArticleError
from graphbuild.records import Article, ReadProblem, content_id

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_a22cd38123fc4353.txt"
NEWS = REPO / "tests" / "data" / "articles" / "news"


def read(*paths: str | Path, stdin: Any = None) -> list[Any]:
    """All records, typed loosely: each test checks which kind it got."""
    return list(read_articles(paths, stdin=stdin))


# -- formats -------------------------------------------------------------------


def test_seed_article_text_is_intact() -> None:
    [article] = read(SEED)
    assert isinstance(article, Article)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.id == content_id(article.text)
    assert article.location == str(SEED)
    # its first line is a long sentence, not a headline
    assert article.title is None


def test_txt_short_first_line_is_the_title() -> None:
    [article] = read(NEWS / "10_statement.txt")
    assert article.title == "Jordan recalls ambassador"
    assert article.text.startswith("Jordan recalls ambassador\n\nJordan recalled its ambassador")


def test_markdown_markup_is_stripped_but_words_kept() -> None:
    [article] = read(NEWS / "02_brief.md")
    assert article.title == "Qatar hosts ceasefire talks"
    text = article.text
    assert (
        "Qatar hosted talks between Hamas and Egyptian mediators on Sunday, according to officials."
        in text
    )
    assert "Egypt urged both sides" in text
    assert "The United States welcomed the talks." in text
    for markup in ("#", "**", "*Hamas*", "](", "https://", "> ", "- The", "---"):
        assert markup not in text
    # underscores inside words are not emphasis
    assert "al_Aqsa_file" in text


def test_html_main_text_without_boilerplate_and_with_metadata() -> None:
    [article] = read(NEWS / "01_channel.html")
    assert "direct line of communication with the new rebel leadership in Damascus" in article.text
    assert "Russia, which also backed Assad" in article.text
    for boilerplate in ("Subscribe now", "Cookie settings", "Saudi Arabia sanctioned", "tracker"):
        assert boilerplate not in article.text
    assert article.title == "Iran opens channel to Syrian rebels"
    assert article.published == "2024-12-09"
    assert article.id == content_id(article.text)


def test_jsonl_fields_and_line_locations() -> None:
    path = NEWS / "wire" / "03_wire.jsonl"
    first, second = read(path)
    assert first == Article(
        id="wire-001",
        text="The Houthis attacked a commercial ship in the Red Sea on Friday, and the United "
        "States condemned the attack.",
        title="Houthis attack ship",
        published="2024-01-12",
        url="https://example.org/1",
        source="Example Wire",
        location=f"{path}:1",
    )
    # line 2 is blank; an article without id gets the content hash
    assert second.location == f"{path}:3"
    assert second.id == content_id(second.text)
    assert second.title is None and second.published is None


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2024-12-09", "2024-12-09"),
        ("2024-12-09T10:00:00+02:00", "2024-12-09T10:00:00+02:00"),
        ("20241209", None),
        ("2024-02-30", None),
        ("last Monday", None),
        (20241209, None),
    ],
)
def test_jsonl_published_kept_only_with_a_date_prefix(
    tmp_path: Path, given: object, kept: str | None
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Oman mediated.", "published": given}) + "\n")
    [article] = read(path)
    assert article.published == kept


def test_stdin_jsonl_binary_and_text_streams() -> None:
    lines = [{"id": "s1", "text": "Egypt hosted talks."}, {"id": "s2", "text": "Qatar mediated."}]
    payload = "\n".join(json.dumps(line) for line in lines) + "\n"
    for stream in (io.BufferedReader(io.BytesIO(payload.encode())), io.StringIO(payload)):
        records = read("-", stdin=stream)
        assert [(r.id, r.text, r.location) for r in records] == [
            ("s1", "Egypt hosted talks.", "<stdin>:1"),
            ("s2", "Qatar mediated.", "<stdin>:2"),
        ]


def test_stdin_mixed_with_files_keeps_input_order() -> None:
    stdin = io.BufferedReader(io.BytesIO(b'{"id": "from-stdin", "text": "Kuwait mediated."}\n'))
    records = read(NEWS / "10_statement.txt", "-", SEED, stdin=stdin)
    assert [r.location for r in records] == [str(NEWS / "10_statement.txt"), "<stdin>:1", str(SEED)]


def test_empty_stdin_is_reported() -> None:
    [problem] = read("-", stdin=io.BufferedReader(io.BytesIO(b"")))
    assert problem == ReadProblem("<stdin>", "empty input")


# -- folders and ids --------------------------------------------------------------


def test_folder_walked_recursively_in_sorted_order() -> None:
    records = read(NEWS)
    assert all(isinstance(r, Article) for r in records)
    assert [r.location for r in records] == [
        str(NEWS / "01_channel.html"),
        str(NEWS / "02_brief.md"),
        str(NEWS / "10_statement.txt"),
        # the subfolder "wire" sorts after "notes.csv", which is skipped
        str(NEWS / "wire" / "03_wire.jsonl") + ":1",
        str(NEWS / "wire" / "03_wire.jsonl") + ":3",
    ]
    assert not any("hidden draft" in r.text for r in records)


def test_explicit_file_with_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "cable.eml"
    path.write_text("Lebanon and Israel agreed a maritime border.\n")
    [article] = read(path)
    assert article.text == "Lebanon and Israel agreed a maritime border.\n"
    assert [p for p in iter_article_paths([NEWS]) if isinstance(p, Path)][
        -1
    ].name == "03_wire.jsonl"


def test_ids_are_stable_across_runs_and_newline_styles(tmp_path: Path) -> None:
    (tmp_path / "lf.txt").write_bytes(
        b"Iran and Iraq signed a security pact.\nIt was in Baghdad.\n"
    )
    (tmp_path / "crlf.txt").write_bytes(
        b"Iran and Iraq signed a security pact.\r\nIt was in Baghdad.\r\n"
    )
    crlf, lf = read(tmp_path)
    assert crlf.id == lf.id and crlf.text == lf.text
    # a fresh interpreter with another hash seed gives the same ids
    code = (
        "import sys; from graphbuild.articles import read_articles;"
        "print(*[r.id for r in read_articles(sys.argv[1:])])"
    )
    ids = [
        subprocess.run(
            [sys.executable, "-c", code, str(SEED), str(NEWS)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for seed in ("1", "2")
    ]
    assert ids[0] == ids[1] == [r.id for r in read(SEED, NEWS)]


def test_same_id_with_different_text_is_yielded_twice(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n')
    assert [(r.id, r.text) for r in read(path)] == [("a", "One."), ("a", "Two.")]


def test_article_from_text() -> None:
    article = article_from_text("Saudi Arabia restored ties with Iran.\r\n", source="notebook")
    assert article.text == "Saudi Arabia restored ties with Iran.\n"
    assert article.id == content_id(article.text) and article.source == "notebook"
    with pytest.raises(ArticleError):
        article_from_text(" \n\t")


# -- the bad-input matrix ----------------------------------------------------------
# Each row writes inputs under tmp_path and lists what must come out, in order:
# ("article", location suffix, text it contains) or ("problem", location suffix, reason part).

Expect = list[tuple[str, str, str]]
GOOD_LINE = '{"id": "ok%d", "text": "Israel and Egypt met %d."}'


def _write(name: str, data: bytes | str) -> Callable[[Path], list[Path]]:
    def make(tmp: Path) -> list[Path]:
        path = tmp / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [path]

    return make


def _symlink_loop(tmp: Path) -> list[Path]:
    folder = tmp / "corpus"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "a.txt").write_text("Syria and Turkey clashed.")
    (folder / "inner" / "back").symlink_to(folder)  # inner/back -> corpus -> inner -> ...
    (folder / "self.txt").symlink_to(folder / "self.txt")
    return [folder]


def _two_links_to_one_folder(tmp: Path) -> list[Path]:
    (tmp / "shared").mkdir()
    (tmp / "shared" / "x.txt").write_text("Egypt and Jordan met.")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "a").symlink_to(tmp / "shared")
    (tmp / "corpus" / "b").symlink_to(tmp / "shared")
    return [tmp / "corpus"]


def _broken_link(tmp: Path) -> list[Path]:
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "gone.txt").symlink_to(tmp / "nowhere.txt")
    (tmp / "corpus" / "b.txt").write_text("Oman hosted talks.")
    return [tmp / "corpus"]


def _nothing_readable(tmp: Path) -> list[Path]:
    (tmp / "corpus" / ".git").mkdir(parents=True)
    (tmp / "corpus" / ".git" / "x.txt").write_text("hidden")
    (tmp / "corpus" / "data.csv").write_text("a,b\n")
    return [tmp / "corpus"]


# charset_normalizer alone ranks cp1257 first for this one ("ą Genčve")
LATIN = "Le président a rencontré à Genève le ministre des Affaires étrangères. Déjà vu."
ARABIC = "إيران وسوريا وقعتا اتفاقا للتعاون العسكري في دمشق يوم الاثنين"
UNDETECTABLE = bytes(b for b in random.Random(0).randbytes(3000) if b)[:2000]

MATRIX: list[tuple[str, Callable[[Path], list[Path]], Expect]] = [
    (
        "binary",
        _write("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        [("problem", "img.txt", "binary file")],
    ),
    (
        "binary jsonl",
        _write("img.jsonl", b"\x00\x01\x02\x03" * 100),
        [("problem", "img.jsonl", "binary file")],
    ),
    (
        "utf-16 with BOM",
        _write("u16.txt", "Hezbollah and Israel exchanged fire.\r\n".encode("utf-16")),
        [("article", "u16.txt", "Hezbollah and Israel exchanged fire.\n")],
    ),
    (
        "utf-16 jsonl",
        _write("u16.jsonl", (GOOD_LINE % (1, 1) + "\n").encode("utf-16")),
        [("article", "u16.jsonl:1", "Israel and Egypt met 1.")],
    ),
    (
        "utf-8 BOM",
        _write("bom.txt", b"\xef\xbb\xbfQatar mediated."),
        [("article", "bom.txt", "Qatar mediated.")],
    ),
    (
        "latin-1",
        _write("l1.txt", LATIN.encode("latin-1")),
        [("article", "l1.txt", LATIN)],
    ),
    (
        "arabic cp1256",
        _write("ar.txt", ARABIC.encode("cp1256")),
        [("article", "ar.txt", ARABIC)],
    ),
    (
        "cp1252",
        _write(
            "w.txt",
            "Iran\u2019s minister said \u201cwe will respond\u201d \u2013 in Tehran.".encode(
                "cp1252"
            ),
        ),
        [
            (
                "article",
                "w.txt",
                "Iran\u2019s minister said \u201cwe will respond\u201d \u2013 in Tehran.",
            )
        ],
    ),
    (
        "undetectable encoding",
        _write("noise.txt", UNDETECTABLE),
        [("problem", "noise.txt", "cannot detect text encoding")],
    ),
    ("empty file", _write("empty.txt", b""), [("problem", "empty.txt", "empty file")]),
    ("whitespace file", _write("ws.md", " \n\t\r\n "), [("problem", "ws.md", "only whitespace")]),
    ("empty jsonl", _write("e.jsonl", "\n  \n\t\n"), [("problem", "e.jsonl", "empty file")]),
    (
        "blank jsonl lines skipped",
        _write("b.jsonl", "\n   \n" + GOOD_LINE % (3, 3) + "\n\t\n"),
        [("article", "b.jsonl:3", "met 3")],
    ),
    (
        "malformed middle line",
        _write("m.jsonl", "\n".join([GOOD_LINE % (1, 1), '{"text": "cut', GOOD_LINE % (3, 3)])),
        [
            ("article", "m.jsonl:1", "met 1"),
            ("problem", "m.jsonl:2", "malformed JSON"),
            ("article", "m.jsonl:3", "met 3"),
        ],
    ),
    (
        "deeply nested line",
        _write("n.jsonl", "[" * 100_000 + "\n" + GOOD_LINE % (2, 2)),
        [("problem", "n.jsonl:1", "malformed JSON"), ("article", "n.jsonl:2", "met 2")],
    ),
    (
        "invalid utf-8 line",
        _write("u.jsonl", b'{"text": "caf\xe9"}\n' + (GOOD_LINE % (2, 2)).encode()),
        [("problem", "u.jsonl:1", "not valid UTF-8"), ("article", "u.jsonl:2", "met 2")],
    ),
    (
        "not an object",
        _write("o.jsonl", '["Iran"]\n"text"\n'),
        [
            ("problem", "o.jsonl:1", "not a JSON object"),
            ("problem", "o.jsonl:2", "not a JSON object"),
        ],
    ),
    (
        "missing text",
        _write("t.jsonl", '{"id": "x", "body": "Iran"}\n'),
        [("problem", "t.jsonl:1", 'no "text" field')],
    ),
    (
        "non-string text",
        _write("t.jsonl", '{"text": 42}\n{"text": null}\n{"text": ["a"]}\n'),
        [
            ("problem", "t.jsonl:1", '"text" is a number'),
            ("problem", "t.jsonl:2", '"text" is null'),
            ("problem", "t.jsonl:3", '"text" is a list'),
        ],
    ),
    (
        "empty text",
        _write("t.jsonl", '{"text": ""}\n{"text": " \\n "}\n'),
        [("problem", "t.jsonl:1", '"text" is empty'), ("problem", "t.jsonl:2", '"text" is empty')],
    ),
    (
        "ids",
        _write(
            "i.jsonl",
            '{"id": 7, "text": "a"}\n{"id": 1.5, "text": "b"}\n'
            '{"id": true, "text": "c"}\n{"id": "", "text": "d"}\n{"id": null, "text": "e"}\n',
        ),
        [
            ("article", "i.jsonl:1", "a"),
            ("problem", "i.jsonl:2", '"id" is a number'),
            ("problem", "i.jsonl:3", '"id" is a boolean'),
            ("problem", "i.jsonl:4", '"id" is empty'),
            ("article", "i.jsonl:5", "e"),
        ],
    ),
    (
        "all-script html",
        _write(
            "s.html",
            "<html><head><script>var t='Iran attacked Israel';</script></head>"
            "<body><script>document.write(t)</script></body></html>",
        ),
        [("problem", "s.html", "no main text found")],
    ),
    (
        "empty html",
        _write("e.htm", "<html><body></body></html>"),
        [("problem", "e.htm", "no main text found")],
    ),
    (
        "symlink loop",
        _symlink_loop,
        [
            ("article", "inner/a.txt", "Syria and Turkey clashed."),
            ("problem", "inner/back", "symbolic link loop"),
            ("problem", "self.txt", "symbolic link loop"),
        ],
    ),
    (
        "two links to one folder",
        _two_links_to_one_folder,
        [("article", "corpus/a/x.txt", "Egypt and Jordan met.")],
    ),
    (
        "broken symlink",
        _broken_link,
        [("article", "b.txt", "Oman"), ("problem", "gone.txt", "broken symbolic link")],
    ),
    ("missing path", lambda tmp: [tmp / "nope.txt"], [("problem", "nope.txt", "no such file")]),
    (
        "folder with nothing readable",
        _nothing_readable,
        [("problem", "corpus", "no article files")],
    ),
    (
        "control, bidi and emoji",
        _write(
            "c.txt",
            "Iran\x00 and\x07 Iraq\x1b met\r\n\u202eعراق\u202c \U0001f1ee\U0001f1f7\tok\x7f\f",
        ),
        [("article", "c.txt", "Iran and Iraq met\n\u202eعراق\u202c \U0001f1ee\U0001f1f7\tok\n")],
    ),
    (
        "lone surrogate in json",
        _write("s.jsonl", '{"text": "Iran \\ud800 Iraq \\ud83d\\ude00"}\n'),
        [("article", "s.jsonl:1", "Iran \ufffd Iraq \U0001f600")],
    ),
]


@pytest.mark.parametrize(
    ("make", "expected"), [row[1:] for row in MATRIX], ids=[row[0] for row in MATRIX]
)
def test_bad_input_matrix(
    tmp_path: Path, make: Callable[[Path], list[Path]], expected: Expect
) -> None:
    records = read(*make(tmp_path))
    got = [
        (
            "article" if isinstance(r, Article) else "problem",
            r.location,
            r.text if isinstance(r, Article) else r.reason,
        )
        for r in records
    ]
    assert len(got) == len(expected), got
    for (kind, location, content), (want_kind, suffix, part) in zip(got, expected):
        assert kind == want_kind, got
        assert location is not None and location.endswith(suffix), got
        assert part in content, got
        if kind == "article":
            assert "\x00" not in content and "\r" not in content


def test_pipe_named_explicitly_is_read_but_fifo_in_folder_is_not(tmp_path: Path) -> None:
    # `graphbuild ingest <(zcat news.txt.gz)` names a pipe such as /dev/fd/63
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(b"Bahrain and Qatar restored ties.\n")
    try:
        [article] = read(f"/dev/fd/{read_end}")
    finally:
        os.close(read_end)
    assert article.text == "Bahrain and Qatar restored ties.\n"
    # a FIFO found while walking a folder would block forever: it is reported
    os.mkfifo(tmp_path / "feed.txt")
    fifo, folder = read(tmp_path)
    assert fifo == ReadProblem(str(tmp_path / "feed.txt"), "not a regular file")
    assert folder.location == str(tmp_path) and "no article files" in folder.reason


def test_a_problem_does_not_stop_the_next_input(tmp_path: Path) -> None:
    records = read(tmp_path / "missing", tmp_path, SEED)
    assert isinstance(records[0], ReadProblem) and isinstance(records[1], ReadProblem)
    assert isinstance(records[2], Article) and records[2].location == str(SEED)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Iran and Israel.")
    path.chmod(0)
    try:
        assert read(path) == [ReadProblem(str(path), "permission denied")]
    finally:
        path.chmod(0o644)


# -- size limits ---------------------------------------------------------------------

BIG = 20 * 1024 * 1024


def _peak_while(action: Callable[[], list[Any]]) -> tuple[list[Any], int]:
    tracemalloc.start()
    try:
        records = action()
        return records, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_20mb_single_line_txt_is_reported_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.write(b"Iran " * (BIG // 5 + 1))
    records, peak = _peak_while(lambda: read(path))
    assert len(records) == 1 and "file too large" in records[0].reason
    assert peak < BIG // 10


def test_20mb_jsonl_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as out:
        out.write((GOOD_LINE % (1, 1) + "\n").encode())
        out.write(b'{"text": "' + b"Iraq " * (BIG // 5 + 1) + b'"}\n')
        out.write((GOOD_LINE % (3, 3) + "\n").encode())
    records, peak = _peak_while(lambda: read(path))
    assert [(type(r).__name__, r.location) for r in records] == [
        ("Article", f"{path}:1"),
        ("ReadProblem", f"{path}:2"),
        ("Article", f"{path}:3"),
    ]
    assert "line too long" in records[1].reason
    assert peak < 1.5 * BIG


def test_text_over_the_character_limit_is_reported(tmp_path: Path) -> None:
    size = articles.MAX_ARTICLE_CHARS + 1000  # under the byte limit, over the character limit
    path = tmp_path / "long.txt"
    path.write_bytes(b"Oman " * (size // 5))
    records, peak = _peak_while(lambda: read(path))
    assert len(records) == 1 and "article too long" in records[0].reason
    assert peak < 3 * size


# -- properties -------------------------------------------------------------------------


def _documented_normalisation(text: str) -> str:
    """The module docstring's promise, written out independently."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    return "".join(c for c in text if c in "\t\n" or not (ord(c) < 32 or ord(c) == 127))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


@settings(
    derandomize=True, max_examples=150, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text())
def test_any_text_file_yields_one_article_or_one_problem(scratch: Path, text: str) -> None:
    path = scratch / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    records = read(path)
    assert len(records) == 1
    expected = _documented_normalisation(text)
    if isinstance(records[0], Article):
        assert records[0].text == expected
    else:
        has_controls = any(ord(c) < 9 or 13 < ord(c) < 32 or c == "\x7f" for c in text)
        # a problem only for text that is blank, or has control characters (binary?)
        assert not expected.strip() or has_controls, records[0]


@settings(
    derandomize=True, max_examples=100, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_any_json_line_yields_one_record(scratch: Path, value: object) -> None:
    path = scratch / "any.jsonl"
    line = json.dumps({"text": value, "id": value, "title": value, "published": value})
    path.write_text(line + "\n", encoding="utf-8")
    records = read(path)
    assert len(records) == 1
    if isinstance(records[0], Article):
        assert isinstance(value, str) and records[0].text == _documented_normalisation(value)
