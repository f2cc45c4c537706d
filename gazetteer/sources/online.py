"""Source: an online geocoder through geopy (Nominatim, or the GeoNames web service).

OFF unless asked for. Requests are rate-limited with geopy's ``RateLimiter`` (1 request
per second for Nominatim, as its usage policy asks) and cached on disk, so a name is
asked once. ``places()`` yields what the cache holds (so the source fits the protocol);
``search()`` asks the service for a name not yet in the cache.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from gazetteer.errors import OnlineLookupError
from gazetteer.place import Place

__all__ = ["OnlineSource", "DEFAULT_USER_AGENT", "place_from_nominatim", "place_from_geonames"]

DEFAULT_USER_AGENT = "strikemap-gazetteer/1.0 (news strike mapping; contact: maintainers of strikemap)"


def place_from_nominatim(raw: dict) -> Place | None:
    """A :class:`Place` from one Nominatim JSON result (pure; no network).

    >>> place_from_nominatim({"lat": "35.3", "lon": "36.6", "display_name": "Kafr Zita, Hama, Syria",
    ...                       "address": {"country_code": "sy", "state": "Hama Governorate"}}).admin1
    'Hama'
    """
    from gazetteer.admin import governorate_for_name

    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    addr = raw.get("address") or {}
    cc = str(addr.get("country_code") or "").upper()
    name = raw.get("name") or str(raw.get("display_name") or "").split(",")[0].strip()
    if not name:
        return None
    state = addr.get("state") or addr.get("province")
    admin1 = governorate_for_name(state) if (state and cc == "SY") else (state or None)
    if state and cc == "SY" and admin1 is None:
        admin1 = governorate_for_name(str(state).replace("Governorate", "").strip())
    return Place(name=name, lat=lat, lon=lon, country_code=cc or "", admin1=admin1,
                 feature_code=str(raw.get("type") or "PPL").upper()[:10], source="nominatim", precision=1,
                 note="online: Nominatim (OpenStreetMap)")


def place_from_geonames(raw: dict) -> Place | None:
    """A :class:`Place` from one GeoNames web-service result (pure).

    >>> place_from_geonames({"lat": "35.3", "lng": "36.6", "name": "Kafr Zita", "countryCode": "SY",
    ...                      "adminCode1": "10", "geonameId": 1, "fcode": "PPL"}).admin1
    'Hama'
    """
    from gazetteer.admin import admin1_from_code

    try:
        lat, lon = float(raw["lat"]), float(raw["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    cc = str(raw.get("countryCode") or "")
    return Place(name=str(raw.get("name") or raw.get("toponymName") or ""), lat=lat, lon=lon, country_code=cc,
                 admin1=admin1_from_code(raw.get("adminCode1"), cc) or raw.get("adminName1") or None,
                 feature_code=str(raw.get("fcode") or "PPL"), population=int(raw.get("population") or 0),
                 geonameid=int(raw["geonameId"]) if raw.get("geonameId") else None, source="geonames_web",
                 precision=1, note="online: GeoNames web service")


class OnlineSource:
    """An online geocoder with a disk cache and a rate limit.

    Parameters
    ----------
    service : {"nominatim", "geonames"}
        GeoNames needs ``username``.
    domain, scheme : str, optional
        For Nominatim: another server (``domain="127.0.0.1:8080", scheme="http"`` in tests).
    username : str, optional
        GeoNames web-service account.
    user_agent : str
        Sent with every request (Nominatim's policy requires a real one).
    min_delay_seconds : float
        Between two requests (1 s for Nominatim).
    error_wait_seconds : float
        Before the one retry after a failed request.
    cache_path : path-like, optional
        SQLite cache (default ``<cache dir>/online-cache.sqlite``).

    Examples
    --------
    >>> OnlineSource("nominatim", cache_path=":memory:").name
    'nominatim'
    """

    def __init__(self, service: str = "nominatim", *, domain: str | None = None, scheme: str | None = None,
                 username: str | None = None, user_agent: str = DEFAULT_USER_AGENT, min_delay_seconds: float = 1.0,
                 error_wait_seconds: float = 5.0, timeout: float = 10.0, cache_path: str | Path | None = None) -> None:
        if service not in ("nominatim", "geonames"):
            raise OnlineLookupError(f"unknown online service {service!r} (nominatim or geonames)")
        if service == "geonames" and not username:
            raise OnlineLookupError("the GeoNames web service needs a username")
        self.service = service
        self.name = "nominatim" if service == "nominatim" else "geonames_web"
        self.domain, self.scheme, self.username = domain, scheme, username
        self.user_agent, self.min_delay_seconds, self.timeout = user_agent, min_delay_seconds, timeout
        self.error_wait_seconds = error_wait_seconds
        if cache_path is None:
            from gazetteer.paths import cache_dir

            cache_path = cache_dir() / "online-cache.sqlite"
        if str(cache_path) != ":memory:":
            Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(cache_path), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers(k TEXT PRIMARY KEY, service TEXT, query TEXT, body TEXT)")
        self._db.commit()
        self._lock = threading.Lock()
        self._geocode = None

    def version(self) -> str:
        n = self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
        return f"{self.service}-{self.domain or 'default'}-{n}"

    def places(self) -> Iterator[Place]:
        for (body,) in self._db.execute("SELECT body FROM answers WHERE service = ?", (self.service,)).fetchall():
            for raw in json.loads(body):
                p = self._parse(raw)
                if p is not None:
                    yield p

    def _parse(self, raw: dict) -> Place | None:
        return place_from_nominatim(raw) if self.service == "nominatim" else place_from_geonames(raw)

    def _geocoder(self):
        if self._geocode is None:
            from geopy.extra.rate_limiter import RateLimiter

            if self.service == "nominatim":
                from geopy.geocoders import Nominatim

                kw = {"user_agent": self.user_agent, "timeout": self.timeout}
                if self.domain:
                    kw["domain"] = self.domain
                if self.scheme:
                    kw["scheme"] = self.scheme
                geocoder = Nominatim(**kw)
            else:
                from geopy.geocoders import GeoNames

                kw = {"username": self.username, "user_agent": self.user_agent, "timeout": self.timeout}
                if self.domain:
                    kw["domain"] = self.domain
                if self.scheme:
                    kw["scheme"] = self.scheme
                geocoder = GeoNames(**kw)
            self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=self.min_delay_seconds, max_retries=1,
                                        error_wait_seconds=self.error_wait_seconds, swallow_exceptions=False)
        return self._geocode

    def search(self, name: str, country: str | None = "SY") -> list[Place]:
        """Places the service knows for ``name`` (cached; at most one request per name).

        Raises
        ------
        OnlineLookupError
            When the service cannot be reached or answers badly.
        """
        key = hashlib.sha256(f"{self.service}|{self.domain}|{country}|{name.strip().lower()}".encode()).hexdigest()
        with self._lock:
            row = self._db.execute("SELECT body FROM answers WHERE k = ?", (key,)).fetchone()
        if row is None:
            from geopy.exc import GeopyError

            geocode = self._geocoder()
            try:
                if self.service == "nominatim":
                    found = geocode(name, exactly_one=False, limit=5, addressdetails=True,
                                    country_codes=[country.lower()] if country else None)
                else:
                    found = geocode(name, exactly_one=False, country=country)
            except GeopyError as err:
                raise OnlineLookupError(f"{self.service}: {err}") from err
            raws = [loc.raw for loc in (found or [])]
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                                 (key, self.service, name, json.dumps(raws)))
                self._db.commit()
        else:
            raws = json.loads(row[0])
        return [p for p in (self._parse(r) for r in raws) if p is not None]
