"""From articles to events, the store, exports and maps: the library API the CLI wraps.

``build`` makes a new store from every article; ``update`` processes only the
articles that are new or changed since the store last saw them (by content hash;
all of them again when the extractor or gazetteer version changed). Both then
write ``events.geojson`` and the maps from the store's full events table, after
the store has committed; ``update`` leaves them as they are when nothing they are
made from changed (the store's events, the options, the code), and skips reading
input files the store saw unchanged (same size and time, or same SHA-256).

The extractor is a parameter (``extract=``), a callable with the signature of
:func:`geo.extract.extract`, ``extract(article, gazetteer, date_override=None)``
returning an object with ``.events`` and ``.unresolved_places``; tests and notebooks can
pass their own.

Examples
--------
>>> from geo.pipeline import extract_frame
>>> gdf = extract_frame(["seeds"])          # doctest: +SKIP
>>> from geo.pipeline import build, update
>>> summary = build(["seeds"], "out")       # doctest: +SKIP
>>> summary = update(["seeds", "new"], "out")  # doctest: +SKIP
>>> summary.articles_unchanged              # doctest: +SKIP
12
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Protocol

from geo.articles import Article, iter_articles
from geo.errors import ArticleError, StoreError
from geo.schema import Event
from geo.store import STORE_NAME, FileRecord, Store, StoreLock, Versions

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = [
    "ArticleResult",
    "RunSummary",
    "MapOptions",
    "Extractor",
    "default_extract",
    "current_versions",
    "process_article",
    "process_articles",
    "read_inputs",
    "scan_inputs",
    "InputScan",
    "extract_frame",
    "build",
    "update",
    "write_outputs",
    "render_maps",
    "clean_stale_temporaries",
]

#: Seconds of work between two commits of a long run (a crash loses at most this much).
COMMIT_SECONDS = 1.0


class Extractor(Protocol):
    """What ``build``/``update`` call to read events from an article (as :func:`geo.extract.extract`)."""

    def __call__(self, article: Article, gazetteer: Any, date_override: dt.date | None = None) -> Any: ...


@dataclass
class ArticleResult:
    """What the extractor made of one article."""

    article: Article
    events: list[Event]
    unresolved: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class MapOptions:
    """How to render the maps (passed to :func:`maps.render_map`)."""

    boundaries: str | Path | None = None
    inline_assets: bool = False
    asset_dir: str | Path | None = None
    split: str | None = None


@dataclass
class RunSummary:
    """The summary of a ``build``/``update`` run (``--json`` prints it).

    ``events``, ``events_by_actor`` and ``events_by_type`` count every event in the
    outputs (the whole store); ``events_added`` counts those extracted in this run.
    """

    articles_seen: int = 0
    articles_processed: int = 0
    articles_unchanged: int = 0
    articles_failed: list[dict[str, str]] = field(default_factory=list)
    events: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_pruned: int = 0
    articles_stored: int = 0
    events_added: int = 0
    events_by_actor: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    unresolved_places: list[str] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    reprocess_reason: str | None = None
    outputs: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def count(self, events: Iterable[Event] | "gpd.GeoDataFrame") -> None:
        """Fill the event counts from the events or the events frame."""
        if hasattr(events, "rows") and hasattr(events, "column"):  # a geo.frame.EventTable
            actors, types = events.column("actor"), events.column("event_type")
        elif hasattr(events, "columns"):
            actors = list(events["actor"]) if len(events) else []
            types = list(events["event_type"]) if len(events) else []
        else:
            evs = list(events)
            actors = [e.actor for e in evs]
            types = [e.event_type for e in evs]
        self.events = len(actors)
        self.events_by_actor = dict(Counter(actors).most_common())
        self.events_by_type = dict(Counter(types).most_common())


# -- the extractor and its versions ---------------------------------------------------


def default_extract(article: Article, gazetteer: Any, date_override: dt.date | None = None) -> Any:
    """The real extractor, :func:`geo.extract.extract` (imported on first use)."""
    from geo.extract import extract

    return extract(article, gazetteer, date_override=date_override)


def current_versions() -> Versions:
    """The versions of the installed extractor and default gazetteer.

    ``"unavailable"`` where a piece is not installed yet: once it is, the version
    changes and ``update`` processes every article again.
    """
    try:
        from geo.extract import EXTRACTOR_VERSION as extractor
    except ImportError:
        extractor = "unavailable"
    try:
        from gazetteer import default_gazetteer
    except ImportError:
        gazetteer = "unavailable"
    else:
        gazetteer = str(default_gazetteer().version)
    return Versions(str(extractor), gazetteer)


def process_article(
    article: Article,
    *,
    date: dt.date | None = None,
    gazetteer: Any = None,
    extract: Extractor | None = None,
) -> ArticleResult:
    """Extract the events of one article (the gazetteer defaults to the embedded one)."""
    res = (extract or default_extract)(article, gazetteer, date_override=date)
    return ArticleResult(article, list(res.events), list(res.unresolved_places))


#: What forked workers take as their gazetteer when the caller gave one (a gazetteer holds open
#: database connections, which cannot be pickled; a forked worker inherits it instead).
_INHERITED = "<the parent's gazetteer>"
_PARENT_GAZETTEER: Any = None


def _worker(args: tuple[Article, dt.date | None, Any, Extractor | None]) -> ArticleResult:
    article, date, gazetteer, extract = args
    if isinstance(gazetteer, str) and gazetteer == _INHERITED:
        gazetteer = _PARENT_GAZETTEER
    try:
        return process_article(article, date=date, gazetteer=gazetteer, extract=extract)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the run; reported by name
        return ArticleResult(article, [], [], error=f"extraction failed: {type(err).__name__}: {err}")


def process_articles(
    articles: Sequence[Article],
    *,
    date: dt.date | None = None,
    jobs: int = 1,
    on_result: Callable[[ArticleResult], None] | None = None,
    extract: Extractor | None = None,
    gazetteer: Any = None,
) -> list[ArticleResult]:
    """Extract events from many articles, in ``jobs`` processes when more than one.

    An article whose extraction raises is returned with ``error`` set; the others go
    on. ``on_result`` is called with each result as it arrives, in input order.
    """
    global _PARENT_GAZETTEER
    results: list[ArticleResult] = []
    import multiprocessing as mp

    can_fork = "fork" in mp.get_all_start_methods()
    if jobs > 1 and gazetteer is not None and not can_fork:
        jobs = 1  # a given gazetteer cannot be sent to spawned workers: one process
    work = [(a, date, gazetteer, extract) for a in articles]
    if jobs > 1 and len(work) > 1:
        from concurrent.futures import ProcessPoolExecutor

        ctx = mp.get_context("fork") if can_fork else None
        if extract is None:
            from geo.extract import warm_up

            warm_up(gazetteer)  # compile the lexicons and open the gazetteer once: forked workers share them
        if gazetteer is not None:
            _PARENT_GAZETTEER = gazetteer
            work = [(a, date, _INHERITED, extract) for a in articles]
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
                for r in pool.map(_worker, work, chunksize=max(1, len(work) // (jobs * 8))):
                    results.append(r)
                    if on_result:
                        on_result(r)
        finally:
            _PARENT_GAZETTEER = None
    else:
        for item in work:
            r = _worker(item)
            results.append(r)
            if on_result:
                on_result(r)
    return results


def read_inputs(inputs: Iterable[str | Path]) -> tuple[list[Article], list[ArticleError]]:
    """Read every article of the inputs; bad files become errors, the rest go on."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for item in iter_articles(inputs):
        (errors if isinstance(item, ArticleError) else articles).append(item)
    return articles, errors


# -- reading the inputs, skipping files the store has seen unchanged -------------------

#: A file whose modification time is this close to when it was last read may have changed
#: since without its time changing (coarse file system clocks): read and hash it again.
_RACY_NS = 100_000_000
_RACY_NS_COARSE = 2_000_000_000  # times in whole seconds (FAT, tar, rsync): assume 2 s ticks

_READER: str | None = None


def _reader_version() -> str:
    """Changes when the article reader (``geo/articles.py``) changes: its parse may differ."""
    global _READER
    if _READER is None:
        import geo.articles

        _READER = hashlib.sha256(Path(geo.articles.__file__).read_bytes()).hexdigest()[:16]
    return _READER


@dataclass
class InputScan:
    """The inputs of a run: articles read, errors, and the articles of files skipped unread."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # ids from files that did not change
    records: list[FileRecord] = field(default_factory=list)  # files to remember once their articles are stored


def _settled(rec: FileRecord) -> bool:
    margin = _RACY_NS_COARSE if rec.mtime_ns % 1_000_000_000 == 0 else _RACY_NS
    return rec.mtime_ns + margin < rec.read_ns


def scan_inputs(
    inputs: Iterable[str | Path],
    known: dict[str, FileRecord] | None = None,
    current: dict[str, str] | None = None,
) -> InputScan:
    """Read the inputs as :func:`read_inputs` does, skipping files the store saw unchanged.

    A file is skipped (its articles counted as unchanged) when the store remembers it
    (``known``, by absolute path) with every article it held still stored and current
    (``current``: ``article_id -> content_hash``), and it has the same size and
    modification time, or else the same SHA-256. Every other file is read; a file that
    read cleanly comes back in ``records``, to be remembered once its articles are stored.
    """
    from geo.articles import iter_input_files, read_path
    from geo.errors import ArticleFormatError, ArticleReadError

    known = known or {}
    current = current or {}
    reader = _reader_version()
    scan = InputScan()
    ids: dict[str, str] = {}
    for f in iter_input_files(inputs):
        try:
            st = os.stat(f)
        except OSError:
            if not f.exists():
                scan.errors.append(ArticleReadError(str(f), "no such file or folder"))
                continue
            st = None
        key = os.path.abspath(f)
        started = time.time_ns()
        rec = known.get(key)
        sha = None
        if (st is not None and rec is not None and rec.reader == reader and rec.size == st.st_size
                and all(current.get(a) == h and a not in ids for a, h in rec.articles)):
            skip = rec.mtime_ns == st.st_mtime_ns and _settled(rec)
            if not skip:
                try:
                    sha = hashlib.sha256(f.read_bytes()).hexdigest()
                except OSError:
                    sha = None
                if sha == rec.sha256:
                    skip = True
                    scan.records.append(FileRecord(key, st.st_size, st.st_mtime_ns, started, sha, reader, rec.articles))
            if skip:
                for a, _ in rec.articles:
                    ids[a] = str(f)
                    scan.unchanged.append(a)
                continue
        if st is not None and sha is None:
            try:
                sha = hashlib.sha256(f.read_bytes()).hexdigest()
            except OSError:
                sha = None
        articles, errors = read_path(f)
        scan.errors.extend(errors)
        clean = not errors and sha is not None and st is not None
        for a in articles:
            if a.id in ids:
                scan.errors.append(ArticleFormatError(a.path or str(f),
                                                      f"duplicate article id {a.id!r} (first seen in {ids[a.id]})"))
                clean = False
                continue
            ids[a.id] = a.path or str(f)
            scan.articles.append(a)
        if clean:
            scan.records.append(FileRecord(key, st.st_size, st.st_mtime_ns, started, sha, reader,
                                           tuple((a.id, a.content_hash) for a in articles)))
    return scan


def _remember_files(store: Store, scan: InputScan, versions: Versions) -> None:
    """Remember the files whose articles are all stored and current now."""
    if not scan.records:
        return
    states = store.article_states(a for r in scan.records for a, _ in r.articles)

    def current(aid: str, content_hash: str) -> bool:
        st = states.get(aid)
        return st is not None and st.is_current(content_hash, versions)

    store.record_files([r for r in scan.records if all(current(a, h) for a, h in r.articles)])


def extract_frame(
    inputs: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    jobs: int = 1,
    extract: Extractor | None = None,
) -> "gpd.GeoDataFrame":
    """Read articles and return their events as a GeoDataFrame (EPSG:4326); no files written.

    Examples
    --------
    >>> gdf = extract_frame(["seeds"])  # doctest: +SKIP
    >>> sorted(gdf.actor.unique())      # doctest: +SKIP
    ['isis', 'rebels', 'russia', 'syrian_government']
    """
    from geo.frame import events_to_frame

    articles, _ = read_inputs(inputs)
    results = process_articles(articles, date=date, jobs=jobs, extract=extract)
    return events_to_frame(ev for r in results for ev in r.events)


# -- build and update -----------------------------------------------------------------

_STALE = (".events.geojson.*.tmp.geojson", f".{STORE_NAME}.*.tmp.gpkg", f".{STORE_NAME}.*.tmp.gpkg-journal",
          ".*.html.*.tmp.html")


def clean_stale_temporaries(out: str | Path) -> list[Path]:
    """Remove the temporary files a killed run left in ``out`` (call only under the store lock)."""
    removed = []
    for pattern in _STALE:
        for p in Path(out).glob(pattern):
            try:
                p.unlink()
            except FileNotFoundError:
                continue
            removed.append(p)
    return removed


def _failure(article: Article, reason: str) -> dict[str, str]:
    where = article.path or article.id
    if article.path and Path(article.path).stem != article.id:
        reason = f"article {article.id!r}: {reason}"
    return {"file": where, "reason": reason}


def _file_of(error_path: str) -> str:
    """``a.jsonl:3`` / ``a.json[2]`` -> ``a.jsonl`` / ``a.json``."""
    return re.sub(r"(:\d+|\[\d+\])$", "", error_path)


def _process_into(
    store: Store,
    articles: Sequence[Article],
    versions: Versions,
    summary: RunSummary,
    *,
    date: dt.date | None,
    jobs: int,
    extract: Extractor | None,
    gazetteer: Any,
    on_start: Callable[[int], None] | None,
    on_result: Callable[[ArticleResult], None] | None,
    commit_seconds: float,
) -> None:
    """Extract ``articles`` and store each with its events; commit every ``commit_seconds``."""
    unresolved: dict[str, None] = dict.fromkeys(summary.unresolved_places)

    def handle(r: ArticleResult) -> None:
        if r.error:
            summary.articles_failed.append(_failure(r.article, r.error))
            store.record_failure(r.article, r.error, versions)
        else:
            try:
                store.upsert_article(r.article, r.events, versions, unresolved=r.unresolved)
            except StoreError as err:
                reason = f"cannot store its events: {err}"
                summary.articles_failed.append(_failure(r.article, reason))
                store.record_failure(r.article, reason, versions)
            else:
                summary.articles_processed += 1
                summary.events_added += len(r.events)
                unresolved.update(dict.fromkeys(r.unresolved))
                bad_date = r.article.meta.get("published_invalid")
                if bad_date:
                    summary.warnings.append({"file": r.article.path or r.article.id,
                                             "reason": f"published date {bad_date!r} is not a date; ignored"})
        store.checkpoint(min_seconds=commit_seconds)
        if on_result:
            on_result(r)

    if on_start:
        on_start(len(articles))
    with store.transaction():
        process_articles(articles, date=date, jobs=jobs, on_result=handle, extract=extract, gazetteer=gazetteer)
    summary.unresolved_places = list(unresolved)


def _start_summary(articles: list[Article], errors: list[ArticleError]) -> RunSummary:
    summary = RunSummary()
    summary.articles_seen = len(articles) + len(errors)
    summary.articles_failed = [{"file": e.path, "reason": e.reason} for e in errors]
    return summary


def build(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    date: dt.date | None = None,
    jobs: int = 1,
    maps: MapOptions | None = None,
    extract: Extractor | None = None,
    versions: Versions | None = None,
    gazetteer: Any = None,
    lock_timeout: float = 10.0,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
) -> RunSummary:
    """Read every article and write a new store, ``events.geojson`` and the maps in ``out``.

    The new store is written beside the old one and renamed over it when complete,
    so a crash leaves the previous store (and outputs) in place.

    Parameters
    ----------
    inputs
        Article files and folders (folders recursively).
    out
        The output folder.
    date
        Publication date for articles that give none.
    jobs
        Worker processes for extraction.
    maps
        How to render the maps.
    extract
        The extractor (default :func:`geo.extract.extract`).
    versions
        The extractor and gazetteer versions to record (default :func:`current_versions`).
    gazetteer
        Passed to the extractor (``None``: its default).
    lock_timeout
        Seconds to wait for another writer of the store.
    on_start, on_result
        Progress callbacks: the number of articles to process, then each result.

    Returns
    -------
    RunSummary
    """
    from geo.atomic import atomic_path

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    store_path = out / STORE_NAME
    with StoreLock(store_path, lock_timeout):
        clean_stale_temporaries(out)
        scan = scan_inputs(inputs)
        articles = scan.articles
        summary = _start_summary(articles, scan.errors)
        versions = versions or current_versions()
        summary.articles_new = len(articles)
        with atomic_path(store_path) as tmp:
            with Store(tmp, lock=False) as store:
                _process_into(store, articles, versions, summary, date=date, jobs=jobs, extract=extract,
                              gazetteer=gazetteer, on_start=on_start, on_result=on_result,
                              commit_seconds=COMMIT_SECONDS)
                with store.transaction():  # one commit
                    _remember_files(store, scan, versions)
                    store.set_meta("last_run", f"build {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}")
                table = store.event_table()
                key = _outputs_key(store, maps)
                summary.articles_stored = store.count_articles()
        summary.outputs.append(str(store_path))
        write_outputs(table, out, summary, maps=maps)
        with Store(store_path, lock=False) as store:  # the outputs are from this store: the next update may keep them
            _note_outputs(store, out, key, summary.outputs[1:])
    return summary


def update(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    prune: bool = False,
    date: dt.date | None = None,
    jobs: int = 1,
    maps: MapOptions | None = None,
    extract: Extractor | None = None,
    versions: Versions | None = None,
    gazetteer: Any = None,
    lock_timeout: float = 10.0,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    commit_seconds: float | None = None,
) -> RunSummary:
    """Process only new or changed articles into the store, then rewrite the outputs.

    An article is processed again when its content hash differs from the stored
    one, when the extractor or gazetteer version changed, or when it failed last
    time. Stored articles missing from ``inputs`` are kept unless ``prune`` (and
    never pruned when the file they came from failed to read in this run).

    Each article and its events are committed together; a crash keeps every article
    committed before it. ``events.geojson`` and the maps are rewritten from the
    store's whole events table only after the store has committed.

    Parameters are those of :func:`build`, plus ``prune`` and ``commit_seconds``
    (how much work to group in one transaction; default :data:`COMMIT_SECONDS`).

    Examples
    --------
    >>> s = update(["news/"], "out", prune=True)   # doctest: +SKIP
    >>> s.articles_new, s.articles_unchanged       # doctest: +SKIP
    (1, 10000)
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with Store(out / STORE_NAME, lock_timeout=lock_timeout) as store:
        clean_stale_temporaries(out)
        versions = versions or current_versions()
        with _gc_paused():
            scan = scan_inputs(inputs, store.file_records(), store.current_hashes(versions))
        articles = scan.articles
        summary = _start_summary(articles, scan.errors)
        summary.articles_seen += len(scan.unchanged)
        summary.articles_unchanged += len(scan.unchanged)
        states = store.article_states(a.id for a in articles)
        todo: list[Article] = []
        stale_versions: set[Versions] = set()
        for a in articles:
            state = states.get(a.id)
            if state is None:
                summary.articles_new += 1
                todo.append(a)
            elif not state.is_current(a.content_hash, versions):
                summary.articles_changed += 1
                if state.versions.changed(versions):
                    stale_versions.add(state.versions)
                todo.append(a)
            else:
                summary.articles_unchanged += 1
        if stale_versions:
            old = ", ".join(sorted(f"extractor {v.extractor} / gazetteer {v.gazetteer}" for v in stale_versions))
            summary.reprocess_reason = (f"processed by {old}; now extractor {versions.extractor} / "
                                        f"gazetteer {versions.gazetteer}")
        _process_into(store, todo, versions, summary, date=date, jobs=jobs, extract=extract, gazetteer=gazetteer,
                      on_start=on_start, on_result=on_result,
                      commit_seconds=COMMIT_SECONDS if commit_seconds is None else commit_seconds)
        if prune:
            seen = {a.id for a in articles} | set(scan.unchanged)
            failed_files = {_file_of(f["file"]) for f in summary.articles_failed}
            protected = tuple(failed_files) + tuple(f + os.sep for f in failed_files)
            gone = [aid for aid, st in store.article_states().items()
                    if aid not in seen and not (st.path and st.path.startswith(protected))]
            summary.articles_pruned = store.delete_articles(gone)
        with store.transaction():  # one commit
            _remember_files(store, scan, versions)
            store.set_meta("last_run", f"update {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}")
        summary.articles_stored = store.count_articles()
        summary.outputs.append(str(store.path))
        _write_or_keep_outputs(store, out, summary, maps)
    return summary


# -- outputs: skipped when the store and the way they are written did not change ----------

_CODE: str | None = None


def _code_version() -> str:
    """Changes when the code that writes ``events.geojson`` and the maps changes."""
    global _CODE
    if _CODE is None:
        from importlib import metadata

        h = hashlib.sha256()
        here = Path(__file__).resolve().parent
        files = [here / n for n in ("export.py", "frame.py", "store.py", "schema.py", "pipeline.py", "atomic.py")]
        from importlib.util import find_spec

        spec = find_spec("maps")  # found, not imported: importing it loads folium (a second)
        if spec is not None and spec.origin:
            files += sorted(Path(spec.origin).resolve().parent.glob("*.py"))
        for f in files:
            with contextlib.suppress(OSError):
                h.update(f.name.encode() + b"\0" + f.read_bytes())
        for dist in ("folium", "xyzservices"):
            with contextlib.suppress(metadata.PackageNotFoundError):
                h.update(f"{dist}={metadata.version(dist)}".encode())
        _CODE = h.hexdigest()[:16]
    return _CODE


def _name_of(fn: Any) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', type(fn).__name__)}"


def _outputs_key(store: Store, maps: MapOptions | None) -> str | None:
    """A fingerprint of everything the outputs are made from; ``None`` when it cannot be told."""
    data = store.data_version()
    if data is None:
        return None
    m = maps or MapOptions()
    parts: dict[str, Any] = {
        "data": data, "code": _code_version(), "writers": [_name_of(write_outputs), _name_of(render_maps)],
        "maps": {k: (None if v is None else str(v)) for k, v in asdict(m).items()},
    }
    for name in ("boundaries", "asset_dir"):
        value = getattr(m, name)
        if value is not None:
            try:
                st = os.stat(value)
                parts[name] = [st.st_size, st.st_mtime_ns]
            except OSError:
                return None
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _stat_files(out: Path, paths: Sequence[str]) -> dict[str, list[int]] | None:
    files = {}
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            return None
        files[os.path.relpath(p, out)] = [st.st_size, st.st_mtime_ns]
    return files


def _current_outputs(store: Store, out: Path, key: str | None) -> list[str] | None:
    """The outputs written from exactly this store and options, when all are still there as written."""
    if key is None:
        return None
    raw = store.meta().get("outputs")
    try:
        rec = json.loads(raw) if raw else None
    except ValueError:
        return None
    if not isinstance(rec, dict) or rec.get("key") != key or not rec.get("files"):
        return None
    paths = [str(out / name) for name in rec["files"]]
    if _stat_files(out, paths) != rec["files"]:
        return None
    return paths


def _note_outputs(store: Store, out: Path, key: str | None, paths: Sequence[str]) -> None:
    """Record beside the data which outputs were written from it (after they were written)."""
    files = _stat_files(out, paths) if key is not None else None
    store.set_meta("outputs", json.dumps({"key": key, "files": files}) if files else "")


@contextlib.contextmanager
def _gc_paused() -> Any:
    """Pause the cyclic garbage collector for a phase that makes many objects but no cycles.

    Reading tens of thousands of rows and encoding them makes Python run full collections
    over the whole heap again and again (about half the time of the maps); reference
    counting still frees everything. The collector is restored as it was.
    """
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write_or_keep_outputs(store: Store, out: Path, summary: RunSummary, maps: MapOptions | None) -> None:
    """Rewrite ``events.geojson`` and the maps from the store, unless they are current already."""
    with _gc_paused():
        _write_or_keep(store, out, summary, maps)


def _write_or_keep(store: Store, out: Path, summary: RunSummary, maps: MapOptions | None) -> None:
    key = _outputs_key(store, maps)
    kept = _current_outputs(store, out, key)
    if kept is not None:
        actors, types = store.actor_type_columns()
        summary.count(SimpleNamespace(rows=(), column={"actor": actors, "event_type": types}.__getitem__))
        summary.outputs.extend(kept)
        return
    table = store.event_table()
    before = len(summary.outputs)
    write_outputs(table, out, summary, maps=maps)
    _note_outputs(store, out, key, summary.outputs[before:])


def write_outputs(gdf: "gpd.GeoDataFrame", out: Path, summary: RunSummary, *, maps: MapOptions | None = None) -> None:
    """Write ``events.geojson`` and the maps from all the events; note them in ``summary``.

    ``gdf`` is the events frame, or (from ``build``/``update``) the store's
    :class:`geo.frame.EventTable`, which needs no pandas.
    """
    from geo.export import write_geojson

    summary.count(gdf)
    summary.outputs.append(str(write_geojson(gdf, out / "events.geojson")))
    summary.outputs.extend(str(p) for p in render_maps(gdf, out, maps=maps))


def render_maps(gdf: "gpd.GeoDataFrame", out: Path, *, maps: MapOptions | None = None) -> list[Path]:
    """Render ``out/index.html`` (and split maps) from the events frame or :class:`geo.frame.EventTable`."""
    from maps import render_map

    m = maps or MapOptions()
    return list(render_map(gdf, out / "index.html", title="strikemap", boundaries=m.boundaries,
                           inline_assets=m.inline_assets, asset_dir=m.asset_dir, split=m.split))
