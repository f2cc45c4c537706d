"""Synthetic events in Syria for tests and benchmarks."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any

from geo.schema import ACTORS, EVENT_COLUMNS, EVENT_TYPES

__all__ = ["synthetic_events", "PLACES"]

#: (name as written, canonical name, governorate, lat, lon)
PLACES = [
    ("Idlib", "Idlib", "Idlib", 35.9306, 36.6339),
    ("Maarat al-Numan", "Ma'arrat an-Nu'man", "Idlib", 35.6476, 36.6746),
    ("Saraqib", "Saraqib", "Idlib", 35.8642, 36.8006),
    ("Aleppo", "Aleppo", "Aleppo", 36.2021, 37.1343),
    ("al-Bab", "Al-Bab", "Aleppo", 36.3705, 37.5157),
    ("Manbij", "Manbij", "Aleppo", 36.5281, 37.9549),
    ("Hama", "Hama", "Hama", 35.1318, 36.7578),
    ("Homs", "Homs", "Homs", 34.7324, 36.7137),
    ("Palmyra", "Palmyra", "Homs", 34.5503, 38.2691),
    ("Deir ez-Zor", "Deir ez-Zor", "Deir ez-Zor", 35.3359, 40.1408),
    ("al-Bukamal", "Abu Kamal", "Deir ez-Zor", 34.4536, 40.9183),
    ("Raqqa", "Raqqa", "Raqqa", 35.9528, 39.0079),
    ("Douma", "Douma", "Rif Dimashq", 33.5711, 36.4050),
    ("Damascus", "Damascus", "Damascus", 33.5138, 36.2765),
    ("Daraa", "Daraa", "Daraa", 32.6189, 36.1021),
    ("Latakia", "Latakia", "Latakia", 35.5317, 35.7915),
    ("Qamishli", "Qamishli", "Al-Hasakah", 37.0522, 41.2317),
    ("Afrin", "Afrin", "Aleppo", 36.5119, 36.8695),
]


def synthetic_events(n: int, *, seed: int = 0, undated_share: float = 0.05, days: int = 365,
                     jitter: float = 0.6) -> Any:
    """Return ``n`` plausible events as a GeoDataFrame (EPSG:4326, EVENT_COLUMNS).

    About five events share an article (title, url, evidence); places are jittered
    around real towns; a share of events has no date.

    Examples
    --------
    >>> gdf = synthetic_events(10)
    >>> len(gdf), gdf.crs.to_epsg()
    (10, 4326)
    """
    import geopandas as gpd
    from shapely.geometry import Point

    rng = random.Random(seed)
    actors = list(ACTORS)
    start = dt.date(2023, 1, 1)
    rows = []
    geoms = []
    for i in range(n):
        art = i // 5
        actor = actors[rng.randrange(len(actors))]
        etype = EVENT_TYPES[rng.randrange(len(EVENT_TYPES))]
        paw, place, adm, lat, lon = PLACES[rng.randrange(len(PLACES))]
        lat += rng.uniform(-jitter, jitter) * 0.3
        lon += rng.uniform(-jitter, jitter) * 0.3
        dated = rng.random() >= undated_share
        date = (start + dt.timedelta(days=rng.randrange(days))).isoformat() if dated else None
        rows.append({
            "event_id": f"e{i:07d}",
            "article_id": f"a{art:06d}",
            "actor": actor,
            "actor_label": ACTORS[actor],
            "target": rng.choice([None, "a market", "a hospital", "military positions", "a convoy"]),
            "event_type": etype,
            "date": date,
            "date_precision": "day" if dated else "unknown",
            "place_as_written": paw,
            "place": place,
            "geonameid": None,
            "admin1": adm,
            "country_code": "SY",
            "geo_precision": rng.choice([1, 1, 1, 2, 3]),
            "confidence": round(rng.uniform(0.4, 0.99), 2),
            "evidence": f"{ACTORS[actor]} carried out {etype.replace('_', ' ')} on {paw}, "
                        f"according to report number {art}.",
            "reported_by": rng.choice(["SOHR", "SANA", "White Helmets", None]),
            "title": f"Report {art}: strikes across northern Syria",
            "url": f"https://news.example.org/articles/{art}",
            "source": "Example News",
            "published": date,
        })
        geoms.append(Point(lon, lat))
    return gpd.GeoDataFrame(rows, columns=list(EVENT_COLUMNS), geometry=geoms, crs=4326)
