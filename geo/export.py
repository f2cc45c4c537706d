"""Exports of the events table: GeoJSON (RFC 7946), GeoPackage and CSV, written atomically."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.atomic import atomic_path, write_text_atomic
from geo.frame import frame_records

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd

__all__ = ["to_feature_collection", "write_geojson"]


def to_feature_collection(gdf: "gpd.GeoDataFrame") -> dict[str, Any]:
    """The events as an RFC 7946 FeatureCollection dict (lon/lat, no ``crs`` member).

    Coordinates are rounded to 6 decimals (about 0.1 m).
    """
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": props,
        }
        for props, lon, lat in frame_records(gdf)
    ]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(gdf: "gpd.GeoDataFrame", path: str | Path) -> Path:
    """Write the events as RFC 7946 GeoJSON to ``path`` (temporary file, then rename)."""
    text = json.dumps(to_feature_collection(gdf), ensure_ascii=False, indent=1)
    return write_text_atomic(path, text + "\n")
