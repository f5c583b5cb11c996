"""Read article files into Article records: the first stage of the pipeline.

`read_articles(paths)` streams `Article | ReadProblem` in input order. Anything
that cannot be read becomes a ReadProblem and the rest still goes through; this
module never raises for bad input (only `article_from_text` raises, for empty text).

Inputs:
- `-`: JSONL on standard input.
- folders: walked recursively in sorted (code point) order, following symlinks;
  a symlink back to a folder being walked is reported once and not followed,
  a folder reached again through another link is not walked twice;
  hidden files and folders (name starts with '.') are skipped; only
  .txt .md .markdown .html .htm .jsonl are read, anything else is skipped silently.
- files named explicitly (hidden ones too, and pipes such as /dev/fd/63): by
  extension; an unknown extension is read as text.
- .txt/.md: one article; title = first non-empty line if short (< 200 chars)
  and without a final period. Markdown markup is stripped lightly (headings,
  emphasis, links, quotes, bullets, rules) before the text becomes Article.text.
- .html/.htm: main text, title and date by trafilatura (offline, nothing fetched).
- .jsonl: one article per line, {"id", "text", "title", "published", "url",
  "source"}; only "text" is required, extra fields are ignored, blank lines are
  skipped. An integer id is turned into its decimal string; any other non-string
  id is a problem; a missing or null id becomes the content hash. "published"
  is kept as given when it starts with a valid YYYY-MM-DD date, else None.
  Non-string title/url/source are dropped. Location is "path:LINE".

Text normalisation (Article.text is the text all offsets refer to):
decoded as UTF-8 (BOM or not), UTF-16/32 with BOM, else a legacy encoding found
by charset_normalizer (cp1252 preferred among equally good Western candidates);
a leading BOM is dropped; \\r\\n, \\r, \\v and \\f become \\n; NUL, the other C0
controls (except \\t) and DEL are removed; lone surrogates (possible from JSON
escapes) become U+FFFD. Bidi marks, emoji and all other characters are kept.
Nothing else is stripped, so the seed article's text is its file's text.
A file is "binary" when it has NUL bytes and is not UTF-16/32, or when over a
quarter of its decoded text is control characters.

Ids: the content hash of the normalised text (records.content_id) unless given,
so the same text read twice gets the same id. The same id with different text
is yielded twice as it is; the store keeps the first.

Size: a file larger than MAX_FILE_BYTES is reported without being read; JSONL
is streamed line by line and a line longer than MAX_FILE_BYTES is skipped
without holding it whole; text longer than MAX_ARTICLE_CHARS is reported.
"""

from __future__ import annotations

import codecs
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from graphbuild.errors import ArticleError
from graphbuild.records import Article, ReadProblem, content_id

MAX_ARTICLE_CHARS = 5_000_000
# Every encoding we accept spends at most 4 bytes per character, so a bigger
# file cannot hold an article within MAX_ARTICLE_CHARS (or is an absurd page).
MAX_FILE_BYTES = 4 * MAX_ARTICLE_CHARS

TEXT_SUFFIXES = frozenset({".txt"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN_NAME = "<stdin>"
MAX_TITLE_CHARS = 200
_BINARY_SNIFF_BYTES = 8192
# Share of control characters above which decoded "text" is taken for binary.
_MAX_CONTROL_SHARE = 0.25


class _Unreadable(Exception):
    """Internal: why one input cannot become an article (becomes a ReadProblem)."""


# -- paths --------------------------------------------------------------------


def iter_article_paths(paths: Iterable[str | Path]) -> Iterator[Path | ReadProblem]:
    """The files to read under `paths`, in order, or a problem per unusable path.

    Files named explicitly are yielded whatever their extension; folders are
    walked (see the module docstring). `-` is not special here.
    """
    for given in paths:
        path = Path(given)
        try:
            info = path.stat()
        except OSError as exc:
            yield ReadProblem(str(path), _os_reason(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            found = 0
            key = (info.st_dev, info.st_ino)
            for item in _walk(path, ancestors={key}, seen={key}):
                found += isinstance(item, Path)
                yield item
            if not found:
                wanted = " ".join(sorted(ARTICLE_SUFFIXES))
                yield ReadProblem(str(path), f"no article files ({wanted}) in this folder")
        else:
            yield path


def _walk(
    folder: Path, ancestors: set[tuple[int, int]], seen: set[tuple[int, int]]
) -> Iterator[Path | ReadProblem]:
    """Article files under `folder`; `ancestors` are the folders on the way down
    (a link to one is a loop), `seen` all folders walked (a second link to one
    is skipped: its files were read already)."""
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        yield ReadProblem(str(folder), _os_reason(folder, exc))
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        wanted = path.suffix.lower() in ARTICLE_SUFFIXES
        try:
            info = path.stat()  # follows symlinks
        except OSError as exc:
            if wanted or exc.errno == errno.ELOOP:
                yield ReadProblem(str(path), _os_reason(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in ancestors:
                # a link back up the tree: following it would never end
                yield ReadProblem(str(path), "symbolic link loop; not followed")
            elif key not in seen:
                seen.add(key)
                yield from _walk(path, ancestors | {key}, seen)
        elif wanted:
            if stat.S_ISREG(info.st_mode):
                yield path
            else:
                # a FIFO or device would block or never end
                yield ReadProblem(str(path), "not a regular file")


def _os_reason(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or str(exc)


# -- reading ------------------------------------------------------------------


def read_articles(
    paths: Iterable[str | Path], *, stdin: TextIO | BinaryIO | None = None
) -> Iterator[Article | ReadProblem]:
    """Articles and problems from files, folders and `-` (JSONL on `stdin`), in order.

    Args:
        paths: files, folders, or "-" for JSONL on standard input.
        stdin: the stream "-" reads (text or binary); default sys.stdin.buffer.
    """
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            if stream is None:  # the process was started without standard input
                yield ReadProblem(STDIN_NAME, "no standard input")
            else:
                yield from _read_jsonl_stream(stream, STDIN_NAME)
            continue
        for item in iter_article_paths([given]):
            if isinstance(item, ReadProblem):
                yield item
            else:
                yield from read_article_file(item)


def read_article_file(path: Path) -> Iterator[Article | ReadProblem]:
    """The article(s) in one file, chosen by its extension (unknown: plain text)."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as raw:
                yield from _read_jsonl_stream(raw, str(path))
            return
        data = _read_bytes(path)
        text = _decode_bytes(data)
        del data  # the bytes of a big file are not needed any more
        if suffix in HTML_SUFFIXES:
            yield _html_article(text, str(path))
        elif suffix in MARKDOWN_SUFFIXES:
            yield _plain_article(strip_markdown(normalize_text(text)), str(path))
        else:
            yield _plain_article(text, str(path))
    except OSError as exc:
        yield ReadProblem(str(path), _os_reason(path, exc))
    except _Unreadable as exc:
        yield ReadProblem(str(path), str(exc))


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as raw:
        info = os.fstat(raw.fileno())
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_FILE_BYTES:
                raise _Unreadable(_too_large(info.st_size))
            return raw.read()
        # a pipe (e.g. <(...)) has no size: read in pieces until past the limit
        # (read(limit) would allocate the whole limit up front)
        chunks: list[bytes] = []
        size = 0
        while chunk := raw.read(1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise _Unreadable(_too_large(size))
        return b"".join(chunks)


def _too_large(size: int) -> str:
    return f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})"


def _plain_article(text: str, location: str) -> Article:
    text = normalize_text(text)
    _check_text(text)
    return article_from_text(text, title=guess_title(text), location=location)


def _check_text(text: str) -> None:
    if not text.strip():
        raise _Unreadable("empty file" if not text else "only whitespace")
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Unreadable(
            f"article too long ({len(text):,} characters; limit {MAX_ARTICLE_CHARS:,})"
        )


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
    location: str | None = None,
) -> Article:
    """An Article from raw text, normalised as files are; id defaults to the content hash.

    Raises:
        ArticleError: the text is empty or whitespace only.
    """
    text = normalize_text(text)
    if not text.strip():
        raise ArticleError("article text is empty")
    return Article(
        id=id if id is not None else content_id(text),
        text=text,
        title=title,
        published=published,
        url=url,
        source=source,
        location=location,
    )


# -- decoding and normalisation -------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_bytes(data: bytes) -> str:
    """Text from file bytes (see the module docstring); raises _Unreadable."""
    if not data:
        raise _Unreadable("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise _Unreadable(f"not valid {encoding.upper()} despite its byte-order mark")
    try:
        text = data.decode("utf-8-sig")
        if len(data) >= 16 and text.count("\x00") * 4 > len(text):
            # valid UTF-8 but NUL in every other byte or more: ASCII-range
            # UTF-16/32 without a byte-order mark, or binary (a few bytes are
            # too short to tell: "4\x00" stays UTF-8)
            text = _detect_legacy(data)
    except UnicodeDecodeError:
        text = _detect_legacy(data)
    if _looks_binary(text):
        raise _Unreadable("binary file (not text)")
    return text


def _detect_legacy(data: bytes) -> str:
    import charset_normalizer  # only needed for non-UTF-8 input

    results = charset_normalizer.from_bytes(data)
    best = results.best()
    has_nul = b"\x00" in data
    if best is None:
        raise _Unreadable("binary file (NUL bytes)" if has_nul else "cannot detect text encoding")
    encoding = best.encoding
    if has_nul:
        # NUL bytes in text only come from UTF-16/32 without a byte-order mark
        if not encoding.startswith(("utf_16", "utf_32")):
            raise _Unreadable("binary file (NUL bytes)")
    else:
        # charset_normalizer often ranks a Baltic or Central European code page
        # first for Latin-1 text; English news in a legacy encoding is cp1252.
        for match in results:
            close = match.chaos <= best.chaos + 0.1 and match.coherence >= best.coherence - 0.1
            if close and "cp1252" in match.could_be_from_charset:
                encoding = "cp1252"
                break
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise _Unreadable("cannot detect text encoding")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:_BINARY_SNIFF_BYTES]
    return len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample)


_NEWLINES = re.compile(r"\r\n?|[\v\f]")
_DROPPED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Newlines to \\n; C0 controls (but \\t, \\n) and DEL removed; lone surrogates to U+FFFD."""
    text = text.removeprefix("\ufeff")
    text = _NEWLINES.sub("\n", text)
    text = _DROPPED.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def guess_title(text: str) -> str | None:
    """The first non-empty line, if it is short and does not end like a sentence."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) < MAX_TITLE_CHARS and not line.endswith("."):
                return line
            return None
    return None


# Light Markdown: enough that headings, emphasis and links read as prose.
_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^ {0,3}(?:[-*_=] *){3,}$", re.MULTILINE), ""),  # rules, setext underlines
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE), r"\1"),
    (re.compile(r"^ {0,3}#{1,6}$", re.MULTILINE), ""),
    (re.compile(r"^ {0,3}>[ \t]?", re.MULTILINE), ""),
    (re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE), r"\1"),
    (re.compile(r"^```.*$", re.MULTILINE), ""),
    (re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
]


def strip_markdown(text: str) -> str:
    """Text without the common Markdown markup; the words are kept as written."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


# -- HTML -------------------------------------------------------------------


def _html_article(html: str, location: str) -> Article:
    import trafilatura  # slow to import; only HTML needs it

    try:
        document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a parser failure on one page must not stop the run
        raise _Unreadable(f"cannot parse HTML ({type(exc).__name__})") from None
    text = normalize_text(getattr(document, "text", None) or "") if document else ""
    if not text.strip():
        raise _Unreadable("no main text found")
    _check_text(text)
    return article_from_text(
        text,
        title=_clean_field(getattr(document, "title", None)),
        published=_published(getattr(document, "date", None)),
        url=_clean_field(getattr(document, "url", None)),
        source=_clean_field(getattr(document, "sitename", None)),
        location=location,
    )


# -- JSONL ------------------------------------------------------------------


def _read_jsonl_stream(stream: TextIO | BinaryIO, name: str) -> Iterator[Article | ReadProblem]:
    peek = getattr(stream, "peek", None)
    wrapper: io.TextIOWrapper | None = None
    if peek is not None:
        head = peek(_BINARY_SNIFF_BYTES)[:_BINARY_SNIFF_BYTES]
        encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
        if encoding is not None:
            wrapper = io.TextIOWrapper(stream, encoding=encoding)  # type: ignore[arg-type]
        elif b"\x00" in head:
            yield ReadProblem(name, "binary file (NUL bytes)")
            return
    seen = 0
    try:
        for number, line in _lines(wrapper or stream):
            location = f"{name}:{number}"
            try:
                if line is None:
                    raise _Unreadable(f"line too long (limit {MAX_FILE_BYTES:,} bytes)")
                if isinstance(line, bytes):
                    try:
                        line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                    except UnicodeDecodeError:
                        raise _Unreadable("not valid UTF-8") from None
                if not line.strip():
                    continue
                seen += 1
                yield _jsonl_article(line, location)
            except _Unreadable as exc:
                seen += 1
                yield ReadProblem(location, str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        seen += 1
        yield ReadProblem(name, f"read failed: {exc}")
    finally:
        if wrapper is not None:
            wrapper.detach()  # leave the caller's stream open (stdin)
    if not seen:
        yield ReadProblem(name, "empty file" if name != STDIN_NAME else "empty input")


def _lines(stream: TextIO | BinaryIO) -> Iterator[tuple[int, str | bytes | None]]:
    """(line number, line) pairs; None for a line over MAX_FILE_BYTES. Lines are
    read in pieces, so an over-long line is dropped as soon as it passes the limit
    and the rest of it skipped, never held whole (even a multi-GB line)."""
    number = 0
    while piece := stream.readline(_LINE_PIECE):
        number += 1
        pieces: list[Any] | None = [piece]
        size = len(piece)
        while not _ends_line(piece) and (piece := stream.readline(_LINE_PIECE)):
            size += len(piece)
            if pieces is not None:
                pieces.append(piece)
                if size > MAX_FILE_BYTES:
                    pieces = None
        if pieces is None:
            yield number, None
        else:
            yield number, pieces[0][:0].join(pieces)
        del pieces  # let a big line go before the next is read


_LINE_PIECE = 1 << 20


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def _jsonl_article(line: str, location: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise _Unreadable("malformed JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _Unreadable(f"not a JSON object but {_json_type(record)}")
    if "text" not in record:
        raise _Unreadable('no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise _Unreadable(f'"text" is {_json_type(text)}, not a string')
    text = normalize_text(text)
    if not text.strip():
        raise _Unreadable('"text" is empty')
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Unreadable(
            f"article too long ({len(text):,} characters; limit {MAX_ARTICLE_CHARS:,})"
        )
    return article_from_text(
        text,
        id=_article_id(record.get("id")),
        title=_clean_field(record.get("title")),
        published=_published(record.get("published")),
        url=_clean_field(record.get("url")),
        source=_clean_field(record.get("source")),
        location=location,
    )


def _article_id(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # exported tables often number their rows
    if not isinstance(value, str):
        raise _Unreadable(f'"id" is {_json_type(value)}, not a string')
    cleaned = normalize_text(value).strip()
    if not cleaned:
        raise _Unreadable('"id" is empty')
    return cleaned


def _json_type(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "an object",
        str: "a string",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _clean_field(value: Any) -> str | None:
    """A one-line metadata string, or None when absent, empty or not a string."""
    if not isinstance(value, str):
        return None
    cleaned = " ".join(normalize_text(value).split())
    return cleaned or None


_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


def _published(value: Any) -> str | None:
    cleaned = _clean_field(value)
    if cleaned is None or not _DATE_PREFIX.match(cleaned):
        return None
    try:
        date.fromisoformat(cleaned[:10])
    except ValueError:  # e.g. 2024-02-30
        return None
    return cleaned
