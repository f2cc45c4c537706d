"""Reading articles: every input form of SCHEMA.md, parsing kept apart from I/O.

``read_path`` turns one file into articles; ``iter_articles`` walks files and folders
and reports each unreadable file as an :class:`~geo.errors.ArticleError` without
stopping the others.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.errors import ArticleError, ArticleFormatError, ArticleReadError

__all__ = [
    "Article",
    "SUFFIXES",
    "decode_bytes",
    "parse_text_article",
    "parse_json_articles",
    "parse_html_article",
    "read_path",
    "iter_articles",
    "iter_input_files",
    "parse_published",
]

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
#: Articles larger than this are refused (they are not news articles).
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Article:
    """One news article, as read from a file."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime, as given
    url: str | None = None
    source: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-256 of what the extractor reads (text and metadata)."""
        h = hashlib.sha256()
        for part in (self.id, self.title or "", self.published or "", self.url or "", self.source or "", self.text):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()

    @property
    def published_date(self) -> dt.date | None:
        """The publication day, where the metadata gives one."""
        return parse_published(self.published)


def parse_published(value: object) -> dt.date | None:
    """Parse an ISO date or datetime (``2015-10-07``, ``2015-10-07T10:00:00Z``) to a date.

    Examples
    --------
    >>> parse_published("2015-10-07T08:00:00Z")
    datetime.date(2015, 10, 7)
    >>> parse_published("not a date") is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# -- decoding -------------------------------------------------------------------------


def decode_bytes(data: bytes, path: object = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else the detected charset.

    Raises :class:`ArticleReadError` for empty or binary data. CRLF and CR become LF.
    """
    if not data.strip():
        raise ArticleReadError(path, "empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleReadError(path, "binary file (NUL bytes), not text")
    text: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=["cp1256", "cp1252", "latin_1", "iso8859_6", "utf_8"]).best()
        if best is None:
            raise ArticleReadError(path, "cannot detect the text encoding")
        text = str(best)
    bad = sum(1 for c in text[:20000] if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if bad > max(20, len(text[:20000]) // 50):
        raise ArticleReadError(path, "binary file (control bytes), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- parsing --------------------------------------------------------------------------

_FM_KEYS = ("title", "published", "url", "source", "date")


def parse_text_article(text: str, article_id: str, path: str | None = None) -> Article:
    """Parse a ``.txt``/``.md`` article: optional front matter, else the first line is the title.

    Examples
    --------
    >>> a = parse_text_article("---\\ntitle: T\\npublished: 2015-10-07\\n---\\nBody.", "a1")
    >>> (a.title, a.published, a.text)
    ('T', '2015-10-07', 'Body.')
    """
    meta: dict[str, Any] = {}
    body = text.lstrip("\ufeff")
    m = re.match(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", body, re.S)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep and k.strip():
                meta[k.strip().lower()] = v.strip().strip("'\"")
        body = body[m.end():]
    title = meta.get("title") or None
    if title is None:
        first = next((ln.strip() for ln in body.splitlines() if ln.strip()), None)
        title = first[:300] if first else None
    published = meta.get("published") or meta.get("date") or None
    if published and parse_published(published) is None:
        meta["published_invalid"] = published
        published = None
    if not body.strip():
        raise ArticleFormatError(path or article_id, "no article text")
    return Article(
        id=article_id,
        text=body.strip("\n"),
        title=title,
        published=published,
        url=meta.get("url") or None,
        source=meta.get("source") or None,
        path=path,
        meta={k: v for k, v in meta.items() if k not in _FM_KEYS},
    )


def _article_from_obj(obj: Any, where: str) -> Article:
    if not isinstance(obj, dict):
        raise ArticleFormatError(where, "an article must be a JSON object")
    missing = [k for k in ("id", "text") if obj.get(k) in (None, "")]
    if missing:
        raise ArticleFormatError(where, f"missing required field(s): {', '.join(missing)}")
    if not isinstance(obj["text"], str):
        raise ArticleFormatError(where, "'text' must be a string")
    published = obj.get("published")
    meta = {}
    if published is not None and parse_published(published) is None:
        meta["published_invalid"] = str(published)
        published = None
    return Article(
        id=str(obj["id"]),
        text=obj["text"].replace("\r\n", "\n"),
        title=(str(obj["title"]) if obj.get("title") else None),
        published=(str(published) if published else None),
        url=(str(obj["url"]) if obj.get("url") else None),
        source=(str(obj["source"]) if obj.get("source") else None),
        meta=meta,
    )


def parse_json_articles(text: str, path: str, *, lines: bool) -> tuple[list[Article], list[ArticleError]]:
    """Parse a ``.json`` (object or list) or ``.jsonl`` file.

    Returns the good articles and one error per bad line or item: a broken line does
    not lose the others.
    """
    articles: list[Article] = []
    errors: list[ArticleError] = []
    if lines:
        for no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{no}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                errors.append(ArticleFormatError(where, f"broken JSON line ({err.msg})"))
                continue
            try:
                articles.append(_article_from_obj(obj, where))
            except ArticleError as err:
                errors.append(err)
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ArticleFormatError(path, f"broken JSON ({err.msg} at line {err.lineno})") from err
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items):
            where = f"{path}[{i}]" if isinstance(data, list) else path
            try:
                articles.append(_article_from_obj(obj, where))
            except ArticleError as err:
                errors.append(err)
    for a in articles:
        a.path = path
    return articles, errors


def parse_html_article(html: str, article_id: str, path: str | None = None) -> Article:
    """Extract the main text and metadata (title, date, address) of an HTML page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None:
        raise ArticleFormatError(path or article_id, "no main text found in the HTML page")
    get = doc.get if isinstance(doc, dict) else (lambda k, d=None: getattr(doc, k, d))
    text = get("text") or ""
    if not text.strip():
        raise ArticleFormatError(path or article_id, "no main text found in the HTML page")
    published = get("date")
    return Article(
        id=article_id,
        text=text,
        title=get("title") or None,
        published=published if parse_published(published) else None,
        url=get("url") or None,
        source=get("sitename") or get("hostname") or None,
        path=path,
    )


# -- I/O ------------------------------------------------------------------------------


def read_path(path: str | Path) -> tuple[list[Article], list[ArticleError]]:
    """Read one file into articles.

    Returns ``(articles, errors)``; a whole-file failure is one error. Never raises
    for bad content.
    """
    p = Path(path)
    name = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            return [], [ArticleReadError(name, f"file too large ({size} bytes > {MAX_BYTES})")]
        data = p.read_bytes()
    except OSError as err:
        return [], [ArticleReadError(name, f"cannot read file ({err.strerror or err})")]
    suffix = p.suffix.lower()
    try:
        text = decode_bytes(data, name)
        if suffix in (".json", ".jsonl"):
            return parse_json_articles(text, name, lines=suffix == ".jsonl")
        if suffix in (".html", ".htm"):
            return [parse_html_article(text, p.stem, name)], []
        return [parse_text_article(text, p.stem, name)], []
    except ArticleError as err:
        return [], [err]


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders (recursively) into article files, sorted, deduplicated."""
    seen: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            files = [p]
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                yield f


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article | ArticleError]:
    """Yield every article of the inputs, and an :class:`ArticleError` for each bad one.

    Duplicate article ids: the first wins; later ones are reported as errors.

    Examples
    --------
    >>> items = list(iter_articles(["seeds"]))  # doctest: +SKIP
    """
    ids: dict[str, str] = {}
    for f in iter_input_files(inputs):
        if not f.exists():
            yield ArticleReadError(str(f), "no such file or folder")
            continue
        articles, errors = read_path(f)
        yield from errors
        for a in articles:
            if a.id in ids:
                yield ArticleFormatError(a.path or str(f), f"duplicate article id {a.id!r} (first seen in {ids[a.id]})")
                continue
            ids[a.id] = a.path or str(f)
            yield a
