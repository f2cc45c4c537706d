"""Events as a table: a GeoDataFrame in EPSG:4326 with the columns of SCHEMA.md.

The GeoJSON writer, the store and the maps all read this one table.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geo.schema import EVENT_COLUMNS, Event

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["events_to_frame", "empty_frame", "frame_records", "CRS", "EventTable", "MAP_COLUMNS", "plain_value"]

CRS = "EPSG:4326"

_DTYPES = {"geonameid": "Int64", "geo_precision": "int64", "confidence": "float64"}


def empty_frame() -> "gpd.GeoDataFrame":
    """An events GeoDataFrame with every column and no rows."""
    return events_to_frame([])


def events_to_frame(events: Iterable[Event]) -> "gpd.GeoDataFrame":
    """Turn events into a GeoDataFrame (Point geometry, ``crs="EPSG:4326"``).

    Columns are :data:`geo.schema.EVENT_COLUMNS` in order, plus any extra
    properties the events carry, plus ``geometry``.

    Examples
    --------
    >>> from geo.schema import Event
    >>> ev = Event("e1", "a1", "russia", "airstrike", "Kafr Zita", "Kafr Zita", 35.37, 36.60)
    >>> gdf = events_to_frame([ev])
    >>> gdf.crs.to_epsg(), gdf.geometry.iloc[0].x
    (4326, 36.6)
    """
    import geopandas as gpd
    import pandas as pd
    from shapely import points

    rows: list[dict[str, Any]] = []
    xs: list[float] = []
    ys: list[float] = []
    for ev in events:
        rows.append(ev.properties())
        xs.append(float(ev.lon))
        ys.append(float(ev.lat))
    extra = sorted({k for r in rows for k in r} - set(EVENT_COLUMNS))
    df = pd.DataFrame(rows, columns=list(EVENT_COLUMNS) + extra)
    for col, dtype in _DTYPES.items():
        df[col] = df[col].astype(dtype)
    geom = points(xs, ys) if rows else []
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs=CRS), crs=CRS)


def _plain(value: Any) -> Any:
    """A JSON-ready Python value from a pandas cell (NaN/NA -> None, numpy -> builtin)."""
    import pandas as pd

    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def frame_records(gdf: "gpd.GeoDataFrame") -> list[tuple[dict[str, Any], float, float]]:
    """Rows of an events frame as ``(properties, lon, lat)`` with plain JSON values."""
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    out = []
    for row, geom in zip(gdf[cols].itertuples(index=False, name=None), gdf.geometry):
        props = {c: _plain(v) for c, v in zip(cols, row)}
        out.append((props, float(geom.x), float(geom.y)))
    return out


#: The event properties the maps read, in the order of :attr:`EventTable.rows` (then lon, lat).
MAP_COLUMNS: tuple[str, ...] = (
    "article_id", "actor", "actor_label", "target", "event_type", "date", "date_precision",
    "place_as_written", "place", "admin1", "geo_precision", "confidence", "evidence",
    "reported_by", "title", "url", "source", "published",
)


def plain_value(column: str, value: Any) -> Any:
    """A stored value as the events frame holds it, as a plain JSON value.

    ``geonameid`` is an integer, ``geo_precision`` an integer, ``confidence`` a float;
    a missing value is ``None`` (what :func:`geo.export.geojson_text` writes as ``null``).

    Examples
    --------
    >>> plain_value("confidence", 1), plain_value("geonameid", 163345.0), plain_value("place", None)
    (1.0, 163345, None)
    """
    if value is None:
        return None
    if column == "confidence":
        try:
            value = float(value)
        except (TypeError, ValueError):
            return value
        return None if value != value else value
    if column in ("geonameid", "geo_precision"):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    return value


class EventTable:
    """The events as ``events.geojson`` and the maps need them, read from the store without pandas.

    ``features`` holds each event's GeoJSON Feature text up to its last schema property
    (no closing braces), ``extras`` the text of its extra properties (or ``None`` when
    no event has any), and ``rows`` the values of :data:`MAP_COLUMNS` then lon, lat.
    ``len(table)`` is the number of events. :meth:`frame` gives a GeoDataFrame of the
    map columns for the code that needs one (split maps, boundaries).

    Examples
    --------
    >>> t = EventTable([], [])
    >>> len(t), t.geojson_text()
    (0, '{"type": "FeatureCollection", "features": [\\n]}\\n')
    """

    def __init__(self, features: list[str], rows: list[list[Any]], extras: list[str] | None = None) -> None:
        self.features = features
        self.rows = rows
        self.extras = extras

    def __len__(self) -> int:
        return len(self.features)

    def column(self, name: str) -> list[Any]:
        """The values of one of :data:`MAP_COLUMNS` (or ``lon``/``lat``), one per event."""
        k = len(MAP_COLUMNS) if name == "lon" else len(MAP_COLUMNS) + 1 if name == "lat" else MAP_COLUMNS.index(name)
        return [r[k] for r in self.rows]

    def geojson_text(self) -> str:
        """The RFC 7946 text of :func:`geo.export.geojson_text`: one Feature a line."""
        if not self.features:
            return '{"type": "FeatureCollection", "features": [\n]}\n'
        if self.extras is None:
            body = "}},\n".join(self.features)
        else:
            body = "}},\n".join([f + e for f, e in zip(self.features, self.extras)])
        return '{"type": "FeatureCollection", "features": [\n' + body + "}}\n]}\n"

    def frame(self) -> "gpd.GeoDataFrame":
        """A GeoDataFrame (EPSG:4326) of :data:`MAP_COLUMNS` and the points."""
        import geopandas as gpd
        import pandas as pd
        from shapely import points

        n = len(MAP_COLUMNS)
        df = pd.DataFrame([r[:n] for r in self.rows], columns=list(MAP_COLUMNS))
        import numpy as np

        xs = np.array([r[n] for r in self.rows], dtype="float64")  # None (no point) -> NaN
        ys = np.array([r[n + 1] for r in self.rows], dtype="float64")
        geom = points(xs, ys) if self.rows else []
        return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geom, crs=CRS), crs=CRS)
