"""The persisted place index: SQLite, one file per set of sources, keyed by their versions.

The index knows places and their name keys (:func:`~gazetteer.normalize.name_key` and
:func:`~gazetteer.normalize.skeleton`); it does not rank. The embedded index lives in the
user's cache directory and is rebuilt when a source version or the transliteration rules
change; imported places live in a store of the same shape in the user's data directory.
"""
from __future__ import annotations

import contextlib
import hashlib
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import IndexBuildError
from gazetteer.normalize import index_keys, name_key, rules
from gazetteer.place import Place

__all__ = ["PlaceIndex", "NameHit", "INDEX_SCHEMA", "index_digest", "open_embedded_index"]

#: Bump when the table layout or the way names are keyed changes.
INDEX_SCHEMA = "4"

_DDL = """
CREATE TABLE IF NOT EXISTS places(
    pid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, cc TEXT NOT NULL,
    admin1 TEXT, fcode TEXT, population INTEGER, geonameid INTEGER, source TEXT, precision INTEGER,
    note TEXT, alts TEXT);
CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, skel TEXT NOT NULL, pid INTEGER NOT NULL,
    is_primary INTEGER NOT NULL, cc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS key_hits(k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skel_hits(s TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
"""
# ``key_hits`` and ``skel_hits`` are derived from ``names`` (see :func:`_build_lookup`): one row
# per key / skeleton holding every place it finds, so a query is one primary-key read.
_INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS places_source ON places(source);
CREATE INDEX IF NOT EXISTS places_gid ON places(geonameid);
"""
_SEP = "\x1f"
_KSEP = "\x1e"
#: Decoded skeleton rows kept per index (the most common skeletons are shared by many names).
_SKEL_CACHE_SIZE = 50_000


@dataclass(frozen=True, slots=True)
class NameHit:
    """A place found under a name key, with the key of the name that matched."""

    place: Place
    matched_key: str
    is_primary: bool


def index_digest(versions: Sequence[str]) -> str:
    """A short hash of source versions, the index schema and the transliteration rules.

    >>> len(index_digest(["a", "b"]))
    16
    """
    h = hashlib.sha256(f"{INDEX_SCHEMA}|{rules().digest}|".encode())
    for v in versions:
        h.update(v.encode() + b"|")
    return h.hexdigest()[:16]


def _name_rows(pid: int, place: Place, names: Iterable[str], primary: str) -> Iterator[tuple[str, str, int, int, str]]:
    seen: set[str] = set()
    for n in names:
        key, skel = index_keys(n)
        if not key or key in seen:
            continue
        seen.add(key)
        yield key, skel, pid, int(n == primary), place.country_code


class PlaceIndex:
    """A SQLite file of places and name keys.

    Parameters
    ----------
    path : path-like
        The SQLite file (must exist; see :meth:`build`).
    writable : bool
        Open read-write (the import store) instead of read-only.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "i.sqlite"
    >>> idx = PlaceIndex.build(p, [Place("Kafr Zita", 35.37, 36.60, "SY", "Hama", alternatenames=("Kfar Zeita",))])
    >>> [h.place.name for h in idx.by_key("kafr zeita")]
    ['Kafr Zita']
    """

    def __init__(self, path: str | Path, writable: bool = False) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise IndexBuildError(f"{self.path}: no place index here")
        try:
            if writable:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self.conn.execute("PRAGMA query_only = %d" % (0 if writable else 1))
            self.meta = dict(self.conn.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.Error as err:
            raise IndexBuildError(f"{self.path}: cannot open the place index: {err}") from err
        self._places: dict[int, Place] = {}
        self._skel_cache: dict[str, tuple[tuple[str, int, bool], ...]] = {}
        self._country_pids: dict[tuple[str, ...], frozenset[int]] = {}

    # -- building -------------------------------------------------------------------
    @classmethod
    def build(cls, path: str | Path, places: Iterable[Place], meta: dict[str, str] | None = None) -> PlaceIndex:
        """Write a new index at ``path`` atomically from ``places`` and open it."""
        from geo.atomic import atomic_path

        path = Path(path)
        try:
            with atomic_path(path) as tmp:
                conn = sqlite3.connect(tmp)
                try:
                    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _DDL)
                    _fill(conn, places)
                    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list({**(meta or {}), "rules": rules().digest, "schema": INDEX_SCHEMA}.items()))
                    conn.executescript(_INDEXES)
                    _build_lookup(conn)  # queries are primary-key reads: no ANALYZE needed
                    conn.commit()
                finally:
                    conn.close()
        except (sqlite3.Error, OSError) as err:
            raise IndexBuildError(f"{path}: cannot build the place index: {err}") from err
        return cls(path)

    # -- queries --------------------------------------------------------------------
    def _place(self, row: tuple) -> Place:
        pid = row[0]
        p = self._places.get(pid)
        if p is None:
            p = Place(
                name=row[1], lat=row[2], lon=row[3], country_code=row[4], admin1=row[5], feature_code=row[6] or "PPL",
                population=row[7] or 0, geonameid=row[8], alternatenames=(), source=row[9] or "", precision=row[10] or 1,
                note=row[11],
            )
            self._places[pid] = p
        return p

    _PLACE_COLS = "pid, name, lat, lon, cc, admin1, fcode, population, geonameid, source, precision, note"

    def places(self, pids: Sequence[int]) -> list[Place]:
        """The places stored under ``pids``, in that order (read once, then kept)."""
        cache = self._places
        missing = [p for p in dict.fromkeys(pids) if p not in cache]
        for i in range(0, len(missing), 500):
            chunk = missing[i: i + 500]
            q = f"SELECT {self._PLACE_COLS} FROM places WHERE pid IN ({','.join('?' * len(chunk))})"
            for row in self.conn.execute(q, chunk):
                self._place(row)
        return [cache[p] for p in pids]

    def key_pids(self, key: str) -> tuple[tuple[int, bool], ...]:
        """``(pid, is_primary)`` of every place with a name whose :func:`name_key` is ``key``."""
        if not key:
            return ()
        row = self.conn.execute("SELECT v FROM key_hits WHERE k = ?", (key,)).fetchone()
        if row is None:
            return ()
        return tuple((abs(int(x)), x[0] != "-") for x in row[0].split(","))

    def skeleton_keys(self, skel: str) -> tuple[tuple[str, int, bool], ...]:
        """``(matched key, pid, is_primary)``, one per place with a name whose :func:`skeleton` is ``skel``."""
        if not skel:
            return ()
        out = self._skel_cache.get(skel)
        if out is None:
            row = self.conn.execute("SELECT v FROM skel_hits WHERE s = ?", (skel,)).fetchone()
            out = ()
            if row is not None:
                parts = (item.partition(_KSEP) for item in row[0].split(_SEP))
                out = tuple((k, abs(int(p)), p[0] != "-") for k, _, p in parts)
            if len(self._skel_cache) >= _SKEL_CACHE_SIZE:
                self._skel_cache.clear()
            self._skel_cache[skel] = out
        return out

    def by_key(self, key: str) -> list[NameHit]:
        """Places with a name whose :func:`name_key` is ``key``."""
        hits = self.key_pids(key)
        return [NameHit(p, key, prim) for p, (_, prim) in zip(self.places([pid for pid, _ in hits]), hits)]

    def by_skeleton(self, skel: str) -> list[NameHit]:
        """Places with a name whose :func:`skeleton` is ``skel``."""
        hits = self.skeleton_keys(skel)
        return [NameHit(p, k, prim) for p, (k, _, prim) in zip(self.places([pid for _, pid, _ in hits]), hits)]

    def names_in(self, countries: Iterable[str] | None) -> list[tuple[str, int]]:
        """(name key, pid) for every name in these countries (all when None), for fuzzy search."""
        if countries is None:
            return self.conn.execute("SELECT key, pid FROM names").fetchall()
        ccs = sorted(set(countries))
        q = "SELECT key, pid FROM names WHERE cc IN (%s)" % ",".join("?" * len(ccs))
        return self.conn.execute(q, ccs).fetchall()

    def points_by_admin1(self, country: str) -> dict[str, list[tuple[float, float]]]:
        """``(lat, lon)`` of every populated point place (not a quarter of a city) of ``country``,
        by first-level division: what :mod:`gazetteer.sectors` places the parts of a governorate by."""
        out: dict[str, list[tuple[float, float]]] = {}
        q = ("SELECT admin1, lat, lon FROM places WHERE cc = ? AND admin1 IS NOT NULL AND precision = 1 "
             "AND fcode LIKE 'PPL%' AND fcode != 'PPLX'")
        for admin1, lat, lon in self.conn.execute(q, (country,)):
            out.setdefault(admin1, []).append((lat, lon))
        return out

    def preload(self, countries: Iterable[str]) -> int:
        """Read every place of these countries into memory now; return how many are held.

        Lookups then build no place records for them (what :meth:`Gazetteer.warm` does once).
        """
        ccs = sorted(set(countries))
        if ccs:
            q = f"SELECT {self._PLACE_COLS} FROM places WHERE cc IN ({','.join('?' * len(ccs))})"
            for row in self.conn.execute(q, ccs):
                if row[0] not in self._places:
                    self._place(row)
        return len(self._places)

    def country_pids(self, countries: Iterable[str]) -> frozenset[int]:
        """The pids of every place in these countries (read once per set of countries, then kept)."""
        ccs = tuple(sorted(set(countries)))
        out = self._country_pids.get(ccs)
        if out is None:
            if ccs:
                q = "SELECT pid FROM places WHERE cc IN (%s)" % ",".join("?" * len(ccs))
                out = frozenset(r[0] for r in self.conn.execute(q, ccs))
            else:
                out = frozenset()
            self._country_pids[ccs] = out
        return out

    def place_by_pid(self, pid: int) -> Place:
        """The place stored under ``pid``."""
        p = self._places.get(pid)
        if p is not None:
            return p
        row = self.conn.execute(f"SELECT {self._PLACE_COLS} FROM places WHERE pid = ?", (pid,)).fetchone()
        if row is None:
            raise KeyError(pid)
        return self._place(row)

    def counts_by_country(self) -> dict[str, int]:
        """Number of places per country code."""
        return dict(self.conn.execute("SELECT cc, COUNT(*) FROM places GROUP BY cc ORDER BY COUNT(*) DESC").fetchall())

    def counts_by_source(self) -> dict[str, int]:
        """Number of places per source label."""
        return dict(self.conn.execute("SELECT source, COUNT(*) FROM places GROUP BY source ORDER BY source").fetchall())

    def __len__(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]

    def close(self) -> None:
        """Close the connection."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    # -- the import store -------------------------------------------------------------
    @classmethod
    def open_store(cls, path: str | Path) -> PlaceIndex:
        """Open (creating it if needed) a writable store; re-key it if the rules changed."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path)
            conn.executescript(_DDL + _INDEXES)
            conn.commit()
            conn.close()
        except sqlite3.Error as err:
            raise IndexBuildError(f"{path}: cannot open the import store: {err}") from err
        store = cls(path, writable=True)
        if store.meta.get("rules") != rules().digest or store.meta.get("schema") != INDEX_SCHEMA:
            store._rekey()
        return store

    def _rekey(self) -> None:
        conn = self.conn
        with conn:
            conn.execute("DELETE FROM names")
            rows = conn.execute("SELECT pid, name, alts, cc FROM places").fetchall()
            batch = []
            for pid, name, alts, cc in rows:
                stub = Place(name, 0.0, 0.0, cc)
                batch.extend(_name_rows(pid, stub, [name, *(alts.split(_SEP) if alts else [])], name))
            conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", batch)
            _build_lookup(conn)
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("rules", rules().digest), ("schema", INDEX_SCHEMA)])
        self._forget()
        self.meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())

    def replace_source(self, label: str, places: Iterable[Place], version: str) -> int:
        """Replace every place of source ``label`` by ``places``; return how many were stored."""
        conn = self.conn
        try:
            with conn:
                pids = [r[0] for r in conn.execute("SELECT pid FROM places WHERE source = ?", (label,))]
                conn.executemany("DELETE FROM names WHERE pid = ?", [(p,) for p in pids])
                conn.execute("DELETE FROM places WHERE source = ?", (label,))
                n = _fill(conn, (_relabel(p, label) for p in places))
                _build_lookup(conn)
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"source:{label}", version))
        except sqlite3.Error as err:
            raise IndexBuildError(f"{self.path}: cannot store places of {label}: {err}") from err
        self.meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())
        self._forget()
        return n

    def remove_source(self, label: str) -> int:
        """Delete every place of source ``label``; return how many were removed."""
        with self.conn:
            pids = [r[0] for r in self.conn.execute("SELECT pid FROM places WHERE source = ?", (label,))]
            self.conn.executemany("DELETE FROM names WHERE pid = ?", [(p,) for p in pids])
            self.conn.execute("DELETE FROM places WHERE source = ?", (label,))
            self.conn.execute("DELETE FROM meta WHERE k = ?", (f"source:{label}",))
            _build_lookup(self.conn)
        self.meta = dict(self.conn.execute("SELECT k, v FROM meta").fetchall())
        self._forget()
        return len(pids)

    def clear_caches(self, places: bool = True) -> None:
        """Forget the skeleton rows read so far and, with ``places``, the places too."""
        self._skel_cache.clear()
        if places:
            self._places.clear()
            self._country_pids.clear()

    _forget = clear_caches

    def content_version(self) -> str:
        """A hash of what the index holds (its sources' versions and the rules)."""
        items = sorted((k, v) for k, v in self.meta.items())
        return hashlib.sha256(repr(items).encode()).hexdigest()[:16]


def _relabel(p: Place, label: str) -> Place:
    if p.source == label:
        return p
    return Place(**{**{f: getattr(p, f) for f in Place.__dataclass_fields__}, "source": label})


def _fill(conn: sqlite3.Connection, places: Iterable[Place]) -> int:
    """Insert places and their names; alias rows (NaN coordinates) are attached afterwards."""
    start = conn.execute("SELECT COALESCE(MAX(pid), 0) FROM places").fetchone()[0]
    pid = start
    aliases: list[Place] = []
    prow: list[tuple] = []
    nrow: list[tuple] = []
    for p in places:
        if math.isnan(p.lat) or math.isnan(p.lon):
            if p.feature_code == "ALIAS":
                aliases.append(p)
            continue
        pid += 1
        prow.append((pid, p.name, p.lat, p.lon, p.country_code, p.admin1, p.feature_code, p.population, p.geonameid,
                     p.source, p.precision, p.note, _SEP.join(p.alternatenames)))
        nrow.extend(_name_rows(pid, p, (p.name, *p.alternatenames), p.name))
        if len(nrow) > 50_000:
            conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", prow)
            conn.executemany("INSERT INTO names VALUES (?,?,?,?,?)", nrow)
            prow, nrow = [], []
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", prow)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?,?)", nrow)
    for a in aliases:
        target = name_key(a.note or "")
        rows = conn.execute(
            "SELECT p.pid, p.admin1 FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? AND p.cc = ?",
            (target, a.country_code),
        ).fetchall()
        rows = [r for r in rows if a.admin1 is None or r[1] == a.admin1]
        if rows:
            tpid = rows[0][0]
            have = {r[0] for r in conn.execute("SELECT key FROM names WHERE pid = ?", (tpid,))}
            new = [r for r in _name_rows(tpid, a, (a.name, *a.alternatenames), "") if r[0] not in have]
            conn.executemany("INSERT INTO names VALUES (?,?,?,?,?)", new)
    return pid - start


def _key_rows(rows: Iterable[tuple[str, int, int]]) -> Iterator[tuple[str, str]]:
    """``key_hits`` rows from names rows sorted by key (then insertion): every pid once, primary if any name is."""
    cur: str | None = None
    per: dict[int, int] = {}
    for key, pid, prim in rows:
        if key != cur:
            if per:
                yield cur, ",".join(str(p) if pr else f"-{p}" for p, pr in per.items())
            cur, per = key, {}
        if prim or pid not in per:
            per[pid] = prim
    if per:
        yield cur, ",".join(str(p) if pr else f"-{p}" for p, pr in per.items())


def _skel_rows(rows: Iterable[tuple[str, str, int, int]]) -> Iterator[tuple[str, str]]:
    """``skel_hits`` rows from names rows sorted by skeleton (then insertion).

    One name per pid: the first, unless a later one is the primary name or the skeleton itself.
    """
    cur: str | None = None
    per: dict[int, tuple[str, int]] = {}

    def encode() -> str:
        return _SEP.join(f"{k}{_KSEP}{p if pr else -p}" for p, (k, pr) in per.items())

    for skel, key, pid, prim in rows:
        if skel != cur:
            if per:
                yield cur, encode()
            cur, per = skel, {}
        old = per.get(pid)
        if old is None or (key == skel and old[0] != skel) or (prim and not old[1]):
            per[pid] = (key, prim)
    if per:
        yield cur, encode()


def _build_lookup(conn: sqlite3.Connection) -> None:
    """(Re)derive ``key_hits`` and ``skel_hits`` from ``names``."""
    conn.execute("DELETE FROM key_hits")
    conn.execute("DELETE FROM skel_hits")
    rows = conn.execute("SELECT key, pid, is_primary FROM names ORDER BY key, rowid")
    conn.executemany("INSERT INTO key_hits VALUES (?, ?)", _key_rows(rows))
    rows = conn.execute("SELECT skel, key, pid, is_primary FROM names ORDER BY skel, rowid")
    conn.executemany("INSERT INTO skel_hits VALUES (?, ?)", _skel_rows(rows))


def open_embedded_index(cache: Path, sources: Sequence, rebuild: bool = False) -> PlaceIndex:
    """Open the index of ``sources`` in ``cache``, building it first when missing or stale.

    The file name carries :func:`index_digest` of the sources' versions, so a changed
    source or rule set builds a new file; older files are removed.
    """
    digest = index_digest([f"{s.name}:{s.version()}" for s in sources])
    path = Path(cache) / f"places-{digest}.sqlite"
    if path.is_file() and not rebuild:
        try:
            return PlaceIndex(path)
        except IndexBuildError:
            pass

    def all_places() -> Iterator[Place]:
        for s in sources:
            yield from s.places()

    idx = PlaceIndex.build(path, all_places(), meta={"digest": digest, "sources": ",".join(s.name for s in sources)})
    for old in Path(cache).glob("places-*.sqlite"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return idx
