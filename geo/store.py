"""The event store: one GeoPackage (``DIR/strikemap.gpkg``) that QGIS and GDAL open as is.

It holds two tables, both registered in ``gpkg_contents``:

``events``
    a Point layer in EPSG:4326 whose columns are the SCHEMA.md properties
    (:data:`geo.schema.EVENT_COLUMNS`), plus one column per extra property an
    extractor adds (created on first use);
``articles``
    an attribute table, one row per article the store has seen: its id, content
    hash, metadata, when it was processed, by which extractor and gazetteer
    versions, how many events it gave, and the error if extraction failed.

The store is written with :mod:`sqlite3` directly (GeoPackage is SQLite), so an
article's row and its events change in one transaction: a crash leaves either the
old article or the new one, never half of it. One writer at a time: a lock file
(``strikemap.gpkg.lock``, :mod:`filelock`) guards every writer; readers need no lock.

Examples
--------
>>> from geo.store import Store, Versions                            # doctest: +SKIP
>>> with Store("out/strikemap.gpkg") as store:                       # doctest: +SKIP
...     store.upsert_article(article, events, Versions("1", "g1"))
...     gdf = store.events_frame(EventFilter(actors=("russia",)))
...     store.articles().head()
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import re
import sqlite3
import struct
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import StoreError, StoreLockedError
from geo.schema import ACTORS, EVENT_COLUMNS, EVENT_TYPES, Event

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from geo.articles import Article
    from geo.frame import EventTable

__all__ = [
    "STORE_NAME",
    "STORE_FORMAT",
    "Versions",
    "ArticleState",
    "EventFilter",
    "StoreLock",
    "Store",
    "FileRecord",
    "gpkg_point",
    "gpkg_point_xy",
]

#: The store's file name inside an output folder.
STORE_NAME = "strikemap.gpkg"
#: Bumped when the layout of the store changes incompatibly.
STORE_FORMAT = 1

_GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
_GPKG_USER_VERSION = 10300  # GeoPackage 1.3
_SRS_ID = 4326
_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],'
    'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)

#: SQL type of each SCHEMA column (everything else is TEXT).
_COLUMN_TYPES = {"geonameid": "INTEGER", "geo_precision": "INTEGER", "confidence": "REAL"}
_NOT_NULL = {"event_id", "article_id", "actor", "event_type"}

_ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "TEXT NOT NULL UNIQUE"),
    ("content_hash", "TEXT NOT NULL"),
    ("title", "TEXT"),
    ("published", "TEXT"),
    ("url", "TEXT"),
    ("source", "TEXT"),
    ("path", "TEXT"),
    ("processed_at", "TEXT NOT NULL"),
    ("extractor_version", "TEXT NOT NULL"),
    ("gazetteer_version", "TEXT NOT NULL"),
    ("n_events", "INTEGER NOT NULL"),
    ("error", "TEXT"),
    ("unresolved", "TEXT"),
    ("meta", "TEXT"),
)

_RESERVED = {"fid", "geom", "extra"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

#: Side tables (not GeoPackage layers, so GIS tools do not list them) and triggers that keep
#: them honest when the events layer is edited by hand (QGIS): each event's GeoJSON Feature
#: text and map row, computed once, dropped whenever its row changes; a counter of changes
#: to the events layer, which tells whether ``events.geojson`` and the maps are still current;
#: and what each input file held when it was last read (to skip reading unchanged files).
_BUMP = "UPDATE strikemap_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'events_version';"
_SIDE_SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS strikemap_event_json (
      fid INTEGER PRIMARY KEY NOT NULL, feature TEXT NOT NULL, maprow TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS strikemap_files (
      path TEXT PRIMARY KEY NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
      read_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, reader TEXT NOT NULL, articles TEXT NOT NULL)""",
    "INSERT OR IGNORE INTO strikemap_meta VALUES ('events_version', '0')",
    f"CREATE TRIGGER IF NOT EXISTS strikemap_events_ai AFTER INSERT ON events BEGIN {_BUMP} END",
    "CREATE TRIGGER IF NOT EXISTS strikemap_events_au AFTER UPDATE ON events BEGIN "
    f"DELETE FROM strikemap_event_json WHERE fid IN (old.fid, new.fid); {_BUMP} END",
    "CREATE TRIGGER IF NOT EXISTS strikemap_events_ad AFTER DELETE ON events BEGIN "
    f"DELETE FROM strikemap_event_json WHERE fid = old.fid; {_BUMP} END",
)
_SIDE_TABLES = {"strikemap_event_json", "strikemap_files"}


# -- small value types ----------------------------------------------------------------


@dataclass(frozen=True)
class Versions:
    """The versions of the extractor and the gazetteer that processed an article.

    When either differs from what the store recorded, ``update`` processes the
    article again.

    Examples
    --------
    >>> Versions("0.3", "geonames-2024").changed(Versions("0.3", "geonames-2025"))
    True
    """

    extractor: str
    gazetteer: str

    def changed(self, other: "Versions") -> bool:
        """True when ``other`` differs from these versions."""
        return (self.extractor, self.gazetteer) != (other.extractor, other.gazetteer)


@dataclass(frozen=True)
class ArticleState:
    """What the store knows of one article: enough to tell whether to process it again."""

    article_id: str
    content_hash: str
    versions: Versions
    n_events: int
    error: str | None
    path: str | None

    def is_current(self, content_hash: str, versions: Versions) -> bool:
        """True when the article is stored, unchanged, processed by ``versions`` without error."""
        return self.content_hash == content_hash and not self.versions.changed(versions) and self.error is None


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: by actor, event type, and an inclusive date range.

    Empty ``actors``/``types`` mean all. With ``since`` or ``until``, events without
    a date are left out.

    Examples
    --------
    >>> EventFilter(actors=("russia",), since=dt.date(2015, 10, 1)).where()
    ('actor IN (?) AND date >= ?', ['russia', '2015-10-01'])
    """

    actors: Sequence[str] = ()
    types: Sequence[str] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def validate(self) -> "EventFilter":
        """Raise :class:`~geo.errors.ExportError` for unknown actors or types, or an empty range."""
        from geo.errors import ExportError

        bad = [a for a in self.actors if a not in ACTORS]
        if bad:
            raise ExportError(f"unknown actor(s): {', '.join(bad)} (known: {', '.join(ACTORS)})")
        bad = [t for t in self.types if t not in EVENT_TYPES]
        if bad:
            raise ExportError(f"unknown event type(s): {', '.join(bad)} (known: {', '.join(EVENT_TYPES)})")
        if self.since and self.until and self.since > self.until:
            raise ExportError(f"--since {self.since} is after --until {self.until}")
        return self

    @property
    def is_empty(self) -> bool:
        """True when the filter selects every event."""
        return not (self.actors or self.types or self.since or self.until)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` clause (without the keyword) and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.actors:
            parts.append(f"actor IN ({','.join('?' * len(self.actors))})")
            params.extend(self.actors)
        if self.types:
            parts.append(f"event_type IN ({','.join('?' * len(self.types))})")
            params.extend(self.types)
        if self.since:
            parts.append("date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            parts.append("date <= ?")
            params.append(self.until.isoformat())
        return (" AND ".join(parts) or "1"), params


@dataclass(frozen=True)
class FileRecord:
    """What an input file held when it was last read: enough to skip reading it again.

    ``articles`` is ``((article_id, content_hash), ...)``; ``reader`` names the version of
    the article reader that parsed it; ``read_ns`` is when the reading began (wall clock).
    """

    path: str
    size: int
    mtime_ns: int
    read_ns: int
    sha256: str
    reader: str
    articles: tuple[tuple[str, str], ...]


# -- GeoPackage geometry --------------------------------------------------------------

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_point(lon: float, lat: float, srs_id: int = _SRS_ID) -> bytes:
    """A Point as GeoPackage binary: ``GP`` header (version 0, little-endian, no envelope) + WKB.

    Examples
    --------
    >>> b = gpkg_point(36.6, 35.37)
    >>> b[:2], len(b), gpkg_point_xy(b)
    (b'GP', 29, (36.6, 35.37))
    """
    return b"GP\x00\x01" + struct.pack("<i", srs_id) + struct.pack("<BIdd", 1, 1, float(lon), float(lat))


def gpkg_point_xy(blob: bytes | None) -> tuple[float, float]:
    """``(x, y)`` of a GeoPackage binary Point (any envelope, either byte order); NaN when empty."""
    if not blob:
        return math.nan, math.nan
    if blob[:2] != b"GP":
        raise StoreError("not a GeoPackage geometry blob")
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return math.nan, math.nan
    start = 8 + _ENVELOPE_BYTES.get((flags >> 1) & 0x07, 0)
    wkb = blob[start:]
    order = "<" if wkb[0] == 1 else ">"
    (gtype,) = struct.unpack_from(order + "I", wkb, 1)
    if gtype == 1 and len(wkb) >= 21:
        x, y = struct.unpack_from(order + "dd", wkb, 5)
        return x, y
    from shapely import from_wkb  # not a plain 2D point (Z, M, edited in a GIS): let shapely read it

    geom = from_wkb(bytes(wkb))
    if geom.is_empty:
        return math.nan, math.nan
    pt = geom if geom.geom_type == "Point" else geom.representative_point()
    return pt.x, pt.y


_PLAIN_POINT_HEADER = b"GP\x00\x01" + struct.pack("<i", _SRS_ID) + struct.pack("<BI", 1, 1)


def _points_xy(blobs: list[bytes | None]) -> tuple[Any, Any]:
    """x and y arrays of many GeoPackage points: one numpy view when all are as this store writes them."""
    import numpy as np

    if blobs and all(b is not None and len(b) == 29 and b.startswith(_PLAIN_POINT_HEADER) for b in blobs):
        arr = np.frombuffer(b"".join(blobs), dtype=np.dtype([("h", "V13"), ("x", "<f8"), ("y", "<f8")]))
        return arr["x"].copy(), arr["y"].copy()
    xy = [gpkg_point_xy(b) for b in blobs]
    return np.array([p[0] for p in xy], dtype="float64"), np.array([p[1] for p in xy], dtype="float64")


# -- locking --------------------------------------------------------------------------


class StoreLock:
    """The writer lock of a store: ``<store>.lock`` beside it (``filelock``, released on exit or crash).

    Raises :class:`~geo.errors.StoreLockedError` naming the lock file when another
    process still holds it after ``timeout`` seconds.

    Examples
    --------
    >>> with StoreLock("out/strikemap.gpkg", timeout=5):   # doctest: +SKIP
    ...     pass
    """

    def __init__(self, store_path: str | Path, timeout: float = 10.0) -> None:
        self.store_path = Path(store_path)
        self.lock_path = self.store_path.with_name(self.store_path.name + ".lock")
        self.timeout = timeout
        self._lock: Any = None

    def acquire(self) -> "StoreLock":
        """Take the lock, waiting up to ``timeout`` seconds."""
        from filelock import FileLock, Timeout

        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path), timeout=self.timeout)
        try:
            lock.acquire()
        except Timeout as err:
            raise StoreLockedError(
                f"{self.store_path} is being written by another strikemap process: it holds the lock "
                f"{self.lock_path} (waited {self.timeout:g} s); try again when that run has finished"
            ) from err
        self._lock = lock
        return self

    def release(self) -> None:
        """Release the lock (no-op when not held)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "StoreLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


# -- the store ------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_type(value: Any) -> str:
    if isinstance(value, bool):
        return "BOOLEAN"
    if isinstance(value, int):
        return "INTEGER"
    if isinstance(value, float):
        return "REAL"
    return "TEXT"


def _sql_value(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        if isinstance(value, float) and math.isnan(value):
            return None
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return json.dumps(value, ensure_ascii=False, default=str)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class _Extent:
    min_x: float = math.inf
    min_y: float = math.inf
    max_x: float = -math.inf
    max_y: float = -math.inf

    def add(self, x: float, y: float) -> None:
        if math.isnan(x) or math.isnan(y):
            return
        self.min_x, self.max_x = min(self.min_x, x), max(self.max_x, x)
        self.min_y, self.max_y = min(self.min_y, y), max(self.max_y, y)

    @property
    def empty(self) -> bool:
        return self.min_x == math.inf


class Store:
    """A strikemap GeoPackage: the events layer and the articles table.

    Parameters
    ----------
    path
        The ``.gpkg`` file; created (with its folder) when missing and ``create`` is true.
    create
        Create a new store when ``path`` does not exist (else raise :class:`StoreError`).
    lock
        Take the writer lock (``<path>.lock``) while open. Readers may pass ``False``.
    lock_timeout
        Seconds to wait for another writer before :class:`StoreLockedError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geo.articles import Article
    >>> from geo.schema import Event
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "strikemap.gpkg"
    >>> art = Article("a1", "Russian jets struck Kafr Zita.")
    >>> ev = Event("e1", "a1", "russia", "airstrike", "Kafr Zita", "Kafr Zita", 35.37, 36.60)
    >>> with Store(path) as store:
    ...     store.upsert_article(art, [ev], Versions("x1", "g1"))
    ...     gdf = store.events_frame()
    >>> len(gdf), gdf.crs.to_epsg(), gdf.geometry.iloc[0].x
    (1, 4326, 36.6)
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        lock: bool = True,
        lock_timeout: float = 10.0,
    ) -> None:
        self.path = Path(path)
        self.create = create
        self.lock = StoreLock(self.path, lock_timeout) if lock else None
        self._conn: sqlite3.Connection | None = None
        self._depth = 0
        self._tx_started = 0.0
        self._extent = _Extent()
        self._extra_types: dict[str, str] = {}
        self._has_side = False
        self._writable = lock

    # -- opening and closing ----------------------------------------------------------

    def open(self) -> "Store":
        """Take the lock (when asked), open the file and create the tables of a new store."""
        if self._conn is not None:
            return self
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and not self.create:
            raise StoreError(f"no store at {self.path}: run `strikemap build` or `update` first")
        if self.lock is not None:
            self.lock.acquire()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            self._conn = conn
            conn.execute("PRAGMA foreign_keys = ON")
            if exists:
                self._check()
                if self.lock is not None:  # a writer brings an older store's side tables up to date
                    self._ensure_side_tables()
            else:
                self._create_schema()
                self._writable = True
            self._load_columns()
        except sqlite3.DatabaseError as err:
            self.close()
            raise StoreError(f"cannot open the store {self.path}: {err}") from err
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        """Close the file and release the lock."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            self._conn.close()
            self._conn = None
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> "Store":
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The open SQLite connection (raises :class:`StoreError` when closed)."""
        if self._conn is None:
            raise StoreError(f"the store {self.path} is not open")
        return self._conn

    # -- schema -----------------------------------------------------------------------

    def _create_schema(self) -> None:
        c = self.conn
        c.execute(f"PRAGMA application_id = {_GPKG_APPLICATION_ID}")
        c.execute(f"PRAGMA user_version = {_GPKG_USER_VERSION}")
        cols = ",\n  ".join(
            f"{_quote(name)} {_COLUMN_TYPES.get(name, 'TEXT')}{' NOT NULL' if name in _NOT_NULL else ''}"
            for name in EVENT_COLUMNS
        )
        art_cols = ",\n  ".join(f"{_quote(n)} {t}" for n, t in _ARTICLE_COLUMNS)
        with self.transaction():
            for sql in (
                """CREATE TABLE gpkg_spatial_ref_sys (
                  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
                """CREATE TABLE gpkg_contents (
                  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '',
                  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
                  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
                """CREATE TABLE gpkg_geometry_columns (
                  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
                  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
                  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
                  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
                f"""CREATE TABLE events (
                  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  geom POINT,
                  {cols})""",
                "CREATE INDEX events_article_id ON events(article_id)",
                "CREATE INDEX events_event_id ON events(event_id)",
                f"""CREATE TABLE articles (
                  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
                  {art_cols})""",
                "CREATE TABLE strikemap_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)",
            ):
                c.execute(sql)
            c.executemany(
                "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                [
                    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
                    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
                    ("WGS 84 geodetic", _SRS_ID, "EPSG", 4326, _WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
                ],
            )
            c.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, ?, ?, ?, ?)",
                ("events", "features", "events", "strike events read from news articles (strikemap)", _SRS_ID),
            )
            c.execute("INSERT INTO gpkg_geometry_columns VALUES ('events', 'geom', 'POINT', ?, 0, 0)", (_SRS_ID,))
            c.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, ?, ?, ?)",
                ("articles", "attributes", "articles", "the articles strikemap has processed"),
            )
            c.executemany("INSERT INTO strikemap_meta VALUES (?, ?)",
                          [("format", str(STORE_FORMAT)), ("created", _now())])
            self._ensure_side_tables()

    def _ensure_side_tables(self) -> None:
        c = self.conn
        have = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        wanted = _SIDE_TABLES | {"strikemap_events_ai", "strikemap_events_au", "strikemap_events_ad"}
        if not wanted <= have or c.execute("SELECT 1 FROM strikemap_meta WHERE key = 'store_id'").fetchone() is None:
            import uuid

            with self.transaction():
                for sql in _SIDE_SCHEMA:
                    c.execute(sql)
                c.execute("INSERT OR IGNORE INTO strikemap_meta VALUES ('store_id', ?)", (uuid.uuid4().hex,))

    def _check(self) -> None:
        c = self.conn
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = {"gpkg_contents", "events", "articles", "strikemap_meta"} - tables
        if missing:
            raise StoreError(f"{self.path} is not a strikemap store (no table {', '.join(sorted(missing))})")
        row = c.execute("SELECT value FROM strikemap_meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != str(STORE_FORMAT):
            raise StoreError(f"{self.path} has store format {row[0] if row else '?'}, this strikemap reads "
                             f"format {STORE_FORMAT}: rebuild it with `strikemap build`")

    def _load_columns(self) -> None:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self._has_side = _SIDE_TABLES <= tables
        known = set(EVENT_COLUMNS) | _RESERVED
        self._extra_types = {
            r[1]: (r[2] or "TEXT").upper()
            for r in self.conn.execute("PRAGMA table_info(events)")
            if r[1] not in known
        }

    def _ensure_extra_columns(self, events: Sequence[Event]) -> None:
        for ev in events:
            for key, value in ev.extra.items():
                if key in self._extra_types or value is None:
                    continue
                if key in EVENT_COLUMNS or key.lower() in _RESERVED or not _IDENT.match(key):
                    raise StoreError(f"event {ev.event_id}: extra property name {key!r} cannot be a column")
                typ = _sql_type(value)
                self.conn.execute(f"ALTER TABLE events ADD COLUMN {_quote(key)} {typ}")
                self._extra_types[key] = typ

    # -- transactions -----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in one write transaction, committed together or rolled back on error.

        Re-entrant: an inner block is a savepoint of the outer transaction, so an
        error inside it undoes the inner block only.
        """
        c = self.conn
        if self._depth:
            name = f"sp{self._depth}"
            c.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield c
            except BaseException:
                c.execute(f"ROLLBACK TO {name}")
                c.execute(f"RELEASE {name}")
                self._load_columns()  # an ALTER TABLE may have been undone
                raise
            else:
                c.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        c.execute("BEGIN IMMEDIATE")
        self._depth = 1
        self._extent = _Extent()
        self._tx_started = time.monotonic()
        try:
            yield c
            self._touch_contents()
            c.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                c.execute("ROLLBACK")
            self._load_columns()  # an ALTER TABLE may have been rolled back
            raise
        finally:
            self._depth = 0

    def checkpoint(self, *, min_seconds: float = 0.0) -> bool:
        """Commit the open outermost transaction and begin the next one.

        For long runs inside one :meth:`transaction`: call it between units of work
        (articles) to make the work so far durable. Does nothing (returns ``False``)
        when less than ``min_seconds`` passed since the transaction began.
        """
        if self._depth != 1:
            raise StoreError("checkpoint() needs an open outermost transaction and no savepoint")
        if time.monotonic() - self._tx_started < min_seconds:
            return False
        c = self.conn
        self._touch_contents()
        c.execute("COMMIT")
        self._extent = _Extent()
        c.execute("BEGIN IMMEDIATE")
        self._tx_started = time.monotonic()
        return True

    def _touch_contents(self) -> None:
        now = _now()
        c = self.conn
        c.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name IN ('events', 'articles')", (now,))
        e = self._extent
        if not e.empty:
            c.execute(
                """UPDATE gpkg_contents SET
                     min_x = min(coalesce(min_x, ?1), ?1), min_y = min(coalesce(min_y, ?2), ?2),
                     max_x = max(coalesce(max_x, ?3), ?3), max_y = max(coalesce(max_y, ?4), ?4)
                   WHERE table_name = 'events'""",
                (e.min_x, e.min_y, e.max_x, e.max_y),
            )

    # -- writing ----------------------------------------------------------------------

    def upsert_article(
        self,
        article: "Article",
        events: Sequence[Event],
        versions: Versions,
        *,
        unresolved: Iterable[str] = (),
    ) -> None:
        """Store an article and its events, replacing whatever the store held for it.

        The article's row and its events change in one transaction.
        """
        events = list(events)
        for ev in events:
            if ev.article_id != article.id:
                raise StoreError(f"event {ev.event_id} belongs to article {ev.article_id!r}, not {article.id!r}")
        with self.transaction() as c:
            self._ensure_extra_columns(events)
            c.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
            if events:
                extras = list(self._extra_types)
                names = ["geom", *EVENT_COLUMNS, *extras]
                sql = (f"INSERT INTO events ({', '.join(_quote(n) for n in names)}) "
                       f"VALUES ({', '.join('?' * len(names))})")
                rows = []
                for ev in events:
                    props = ev.properties()
                    lon, lat = float(ev.lon), float(ev.lat)
                    if not (math.isfinite(lon) and math.isfinite(lat)):
                        raise StoreError(f"event {ev.event_id} has no coordinates ({lat}, {lon})")
                    self._extent.add(lon, lat)
                    rows.append([gpkg_point(lon, lat), *(_sql_value(props.get(k)) for k in EVENT_COLUMNS),
                                 *(_sql_value(ev.extra.get(k)) for k in extras)])
                c.executemany(sql, rows)
            self._write_article_row(article, versions, n_events=len(events), error=None, unresolved=list(unresolved))

    def record_failure(self, article: "Article", reason: str, versions: Versions) -> None:
        """Note that extracting ``article`` failed; the events stored before (if any) are kept.

        The next ``update`` tries the article again.
        """
        with self.transaction() as c:
            cur = c.execute("UPDATE articles SET error = ?, processed_at = ? WHERE article_id = ?",
                            (reason, _now(), article.id))
            if cur.rowcount == 0:
                self._write_article_row(article, versions, n_events=0, error=reason, unresolved=[])

    def _write_article_row(self, article: "Article", versions: Versions, *, n_events: int,
                           error: str | None, unresolved: list[str]) -> None:
        values = {
            "article_id": article.id,
            "content_hash": article.content_hash,
            "title": article.title,
            "published": article.published,
            "url": article.url,
            "source": article.source,
            "path": article.path,
            "processed_at": _now(),
            "extractor_version": versions.extractor,
            "gazetteer_version": versions.gazetteer,
            "n_events": n_events,
            "error": error,
            "unresolved": json.dumps(unresolved, ensure_ascii=False) if unresolved else None,
            "meta": json.dumps(article.meta, ensure_ascii=False, default=str) if article.meta else None,
        }
        names = list(values)
        updates = ", ".join(f"{_quote(n)} = excluded.{_quote(n)}" for n in names if n != "article_id")
        self.conn.execute(
            f"INSERT INTO articles ({', '.join(_quote(n) for n in names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT(article_id) DO UPDATE SET {updates}",
            [values[n] for n in names],
        )

    def delete_articles(self, article_ids: Iterable[str]) -> int:
        """Remove articles and their events; return how many articles were removed."""
        ids = list(article_ids)
        n = 0
        with self.transaction() as c:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                c.execute(f"DELETE FROM events WHERE article_id IN ({marks})", chunk)
                n += c.execute(f"DELETE FROM articles WHERE article_id IN ({marks})", chunk).rowcount
        return n

    def set_meta(self, key: str, value: str) -> None:
        """Set a key of the store's own ``strikemap_meta`` table."""
        with self.transaction() as c:
            c.execute("INSERT INTO strikemap_meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                      (key, value))

    # -- reading ----------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        """The store's own key/value table (format, created, last run...)."""
        return dict(self.conn.execute("SELECT key, value FROM strikemap_meta"))

    def article_states(self, ids: Iterable[str] | None = None) -> dict[str, ArticleState]:
        """Every stored article's (or those of ``ids``) hash, versions, event count and error, by article id."""
        sql = "SELECT article_id, content_hash, extractor_version, gazetteer_version, n_events, error, path FROM articles"
        if ids is None:
            rows = list(self.conn.execute(sql))
        else:
            wanted, rows = list(ids), []
            for i in range(0, len(wanted), 500):
                chunk = wanted[i:i + 500]
                rows += self.conn.execute(f"{sql} WHERE article_id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        return {r[0]: ArticleState(r[0], r[1], Versions(r[2], r[3]), r[4], r[5], r[6]) for r in rows}

    def count_articles(self) -> int:
        """How many articles the store holds."""
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def count_events(self, filters: EventFilter | None = None) -> int:
        """How many events the store holds (that pass ``filters``)."""
        where, params = (filters or EventFilter()).where()
        return self.conn.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]

    def articles(self) -> "pd.DataFrame":
        """The articles table as a pandas DataFrame (one row per article, ``unresolved`` as lists)."""
        import pandas as pd

        names = [n for n, _ in _ARTICLE_COLUMNS]
        rows = self.conn.execute(f"SELECT {', '.join(_quote(n) for n in names)} FROM articles ORDER BY article_id")
        df = pd.DataFrame.from_records(list(rows), columns=names)
        df["unresolved"] = [json.loads(v) if isinstance(v, str) else [] for v in df["unresolved"]]
        df["meta"] = [json.loads(v) if isinstance(v, str) else {} for v in df["meta"]]
        return df

    def events_frame(self, filters: EventFilter | None = None) -> "gpd.GeoDataFrame":
        """The stored events as a GeoDataFrame (EPSG:4326), ordered by article id then insertion.

        Columns are :data:`geo.schema.EVENT_COLUMNS`, then extra properties (sorted),
        then ``geometry`` -- the same table :func:`geo.frame.events_to_frame` makes.
        """
        import geopandas as gpd
        import pandas as pd
        from shapely import points

        from geo.frame import CRS, _DTYPES

        filters = filters or EventFilter()
        where, params = filters.where()
        extras = sorted(self._extra_types)
        names = [*EVENT_COLUMNS, *extras]
        sql = (f"SELECT geom, {', '.join(_quote(n) for n in names)} FROM events WHERE {where} "
               f"ORDER BY article_id, fid")
        rows = self.conn.execute(sql, params).fetchall()
        xs, ys = _points_xy([r[0] for r in rows])
        df = pd.DataFrame.from_records([r[1:] for r in rows], columns=names)
        for col, dtype in _DTYPES.items():
            df[col] = df[col].astype(dtype)
        for col in extras:
            if self._extra_types[col] == "BOOLEAN":
                df[col] = pd.Series([None if pd.isna(v) else bool(v) for v in df[col]], index=df.index, dtype=object)
        if extras:  # drop extra columns no selected event uses, as events_to_frame would
            unused = [c for c in extras if df[c].isna().all()]
            df = df.drop(columns=unused)
        geom = points(xs, ys) if rows else []
        return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs=CRS), crs=CRS)

    def data_version(self) -> str | None:
        """A token that changes whenever the events layer changes (``store_id:events_version``).

        Every insert, update or delete of an event row bumps the counter (triggers, so
        edits made in QGIS count too); ``None`` for a store without the counter yet.
        """
        meta = dict(self.conn.execute(
            "SELECT key, value FROM strikemap_meta WHERE key IN ('store_id', 'events_version')"))
        if len(meta) < 2:
            return None
        return f"{meta['store_id']}:{meta['events_version']}"

    def event_table(self, filters: EventFilter | None = None, *, cache: bool = True) -> "EventTable":
        """Every stored event as the outputs need it, without pandas: GeoJSON text and map rows.

        Each event's Feature text and map row are computed once and kept in a side table;
        events without them (new, or edited by hand) are encoded now, and the results kept
        when ``cache`` and this store is open for writing. The order is that of
        :meth:`events_frame` (article id, then insertion) and ``table.geojson_text()`` is
        exactly :func:`geo.export.geojson_text` of ``events_frame(filters)``.
        """
        from geo.frame import EventTable

        c = self.conn
        where, params = (filters or EventFilter()).where()
        if self._has_side:
            got = c.execute(
                "SELECT e.fid, j.feature, j.maprow FROM events e LEFT JOIN strikemap_event_json j ON j.fid = e.fid "
                f"WHERE {where} ORDER BY e.article_id, e.fid", params,
            ).fetchall()
        else:
            got = [(r[0], None, None)
                   for r in c.execute(f"SELECT fid FROM events WHERE {where} ORDER BY article_id, fid", params)]
        missing = [r[0] for r in got if r[1] is None]
        fresh: dict[int, tuple[str, str]] = {}
        if missing:
            fresh = self._encode_events(missing, everything=filters is None and len(missing) == len(got))
            if cache and self._has_side and self._writable and self._depth == 0:
                c.execute("BEGIN IMMEDIATE")
                try:
                    c.executemany("INSERT OR REPLACE INTO strikemap_event_json VALUES (?, ?, ?)",
                                  [(fid, f, m) for fid, (f, m) in fresh.items()])
                    c.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        c.execute("ROLLBACK")
                    raise
        features: list[str] = []
        maprows: list[str] = []
        for fid, feature, maprow in got:
            if feature is None:
                feature, maprow = fresh[fid]
            features.append(feature)
            maprows.append(maprow)
        import orjson

        text = "[" + ",".join(maprows) + "]"
        try:
            rows = orjson.loads(text)
        except orjson.JSONDecodeError:  # rows an older strikemap wrote with NaN in them
            rows = json.loads(text)
        return EventTable(features, rows, self._extras_text(where, params))

    def _encode_events(self, fids: list[int], *, everything: bool) -> dict[int, tuple[str, str]]:
        """Feature text and map row of the events ``fids``, from their stored values."""
        import numpy as np

        from geo.export import feature_heads
        from geo.frame import MAP_COLUMNS, plain_value

        c = self.conn
        sel = f"SELECT fid, geom, {', '.join(_quote(n) for n in EVENT_COLUMNS)} FROM events"
        if everything:
            rows = c.execute(sel).fetchall()
        else:
            rows = []
            for i in range(0, len(fids), 500):
                chunk = fids[i:i + 500]
                rows += c.execute(f"{sel} WHERE fid IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        if not rows:
            return {}
        xs, ys = _points_xy([r[1] for r in rows])
        columns = {name: [plain_value(name, r[k]) for r in rows] for k, name in enumerate(EVENT_COLUMNS, 2)}
        heads = feature_heads(columns, np.round(xs, 6).tolist(), np.round(ys, 6).tolist())
        import orjson

        map_cols = [columns[n] for n in MAP_COLUMNS]
        fallback = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
        out = {}
        for k, (r, x, y) in enumerate(zip(rows, xs.tolist(), ys.tolist())):
            row = [*(col[k] for col in map_cols), None if x != x else x, None if y != y else y]
            try:
                text = orjson.dumps(row).decode()
            except TypeError:  # a hand-edited value orjson does not take (an integer over 64 bits)
                text = fallback(row)
            out[r[0]] = (heads[k], text)
        return out

    def _extras_text(self, where: str = "1", params: Sequence[Any] = ()) -> list[str] | None:
        """``, "name": value`` text of the extra properties in use, one per event (None when none are)."""
        extras = sorted(self._extra_types)
        if not extras:
            return None
        import pandas as pd

        from geo.export import _encoded_column, _plain_column

        rows = self.conn.execute(
            f"SELECT {', '.join(_quote(n) for n in extras)} FROM events WHERE {where} ORDER BY article_id, fid",
            list(params)).fetchall()
        df = pd.DataFrame.from_records(rows, columns=extras)
        for col in extras:
            if self._extra_types[col] == "BOOLEAN":
                df[col] = pd.Series([None if pd.isna(v) else bool(v) for v in df[col]], index=df.index, dtype=object)
        used = [c for c in extras if not df[c].isna().all()]
        if not used:
            return None
        encoded = [_encoded_column(_plain_column(df[c])) for c in used]
        template = "".join(", " + json.dumps(str(c), ensure_ascii=False).replace("%", "%%") + ": %s" for c in used)
        return [template % r for r in zip(*encoded)]

    def actor_type_columns(self) -> tuple[list[str], list[str]]:
        """The ``actor`` and ``event_type`` of every event, in :meth:`events_frame` order."""
        rows = self.conn.execute("SELECT actor, event_type FROM events ORDER BY article_id, fid").fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def current_hashes(self, versions: Versions) -> dict[str, str]:
        """``article_id -> content_hash`` of the articles processed by ``versions`` without error."""
        return dict(self.conn.execute(
            "SELECT article_id, content_hash FROM articles WHERE error IS NULL "
            "AND extractor_version = ? AND gazetteer_version = ?", (versions.extractor, versions.gazetteer)))

    def file_records(self) -> dict[str, FileRecord]:
        """What each input file held when last read, by absolute path (empty for an older store)."""
        if not self._has_side:
            return {}
        out = {}
        for r in self.conn.execute("SELECT path, size, mtime_ns, read_ns, sha256, reader, articles FROM strikemap_files"):
            out[r[0]] = FileRecord(r[0], r[1], r[2], r[3], r[4], r[5], tuple(tuple(p) for p in json.loads(r[6])))
        return out

    def record_files(self, records: Iterable[FileRecord], forget: Iterable[str] = ()) -> None:
        """Remember input files (replacing what was known of them) and forget others."""
        if not self._has_side:
            return
        with self.transaction() as c:
            c.executemany("DELETE FROM strikemap_files WHERE path = ?", [(p,) for p in forget])
            c.executemany(
                "INSERT OR REPLACE INTO strikemap_files VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(r.path, r.size, r.mtime_ns, r.read_ns, r.sha256, r.reader,
                  json.dumps([list(a) for a in r.articles], ensure_ascii=False)) for r in records],
            )

    def integrity_errors(self) -> list[str]:
        """Problems a crash or a hand edit could leave: SQLite's check, and events without article rows.

        An empty list means the store is sound.
        """
        c = self.conn
        problems = [r[0] for r in c.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for art, n in c.execute(
            "SELECT e.article_id, count(*) FROM events e LEFT JOIN articles a USING (article_id) "
            "WHERE a.article_id IS NULL GROUP BY e.article_id"
        ):
            problems.append(f"{n} event(s) of article {art!r} have no articles row")
        for art, want, have in c.execute(
            "SELECT a.article_id, a.n_events, (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS have "
            "FROM articles a WHERE a.error IS NULL AND a.n_events != have"
        ):
            problems.append(f"article {art!r} should have {want} event(s), the store has {have}")
        return problems
