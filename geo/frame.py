"""Events as a table: a GeoDataFrame in EPSG:4326 with the columns of SCHEMA.md.

The GeoJSON writer, the store and the maps all read this one table.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from geo.schema import EVENT_COLUMNS, Event

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["events_to_frame", "empty_frame", "frame_records", "CRS"]

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
