"""Governorate boundaries with the number of events inside each."""
from __future__ import annotations

import os
from typing import Any

from folium.map import Layer
from folium.template import Template

from maps.data import script_json
from maps.errors import MapInputError
from maps.safe import SafeMacroElement

__all__ = ["BoundaryLayer", "load_boundaries", "count_events", "NAME_COLUMNS"]

#: Columns tried, in order, for a governorate's name.
NAME_COLUMNS = (
    "ADM1_EN", "adm1_en", "admin1", "shapeName", "NAME_1", "name_en", "NAME_EN", "ADM1_NAME", "name", "NAME",
)

#: Sequential colour ramp (light to dark), ColorBrewer "OrRd" 6 classes.
_RAMP = ("#fef0d9", "#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")


def load_boundaries(path: str | os.PathLike[str]) -> Any:
    """Read a GeoJSON/GeoPackage/shapefile of governorates as a GeoDataFrame in EPSG:4326.

    Raises
    ------
    MapInputError
        When the file cannot be read or holds no polygons.
    """
    import geopandas as gpd

    try:
        gdf = gpd.read_file(path)
    except Exception as err:  # noqa: BLE001 - GDAL/pyogrio raise many types; re-raised precisely
        raise MapInputError(f"{path}: cannot read boundaries ({err})") from err
    if gdf.crs is None:
        gdf = gdf.set_crs(4326)
    elif gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    gdf = gdf[gdf.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    if gdf.empty:
        raise MapInputError(f"{path}: no polygons in the boundaries file")
    return gdf


def _name_column(gdf: Any) -> str | None:
    lower = {c.lower(): c for c in gdf.columns}
    for cand in NAME_COLUMNS:
        if cand in gdf.columns:
            return cand
        if cand.lower() in lower:
            return lower[cand.lower()]
    for c in gdf.columns:
        if c != gdf.geometry.name and gdf[c].dtype == object:
            return c
    return None


def count_events(boundaries: Any, events: Any) -> list[int]:
    """Count the events inside each boundary polygon (points on the border count once).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point, box
    >>> b = gpd.GeoDataFrame({"name": ["A", "B"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=4326)
    >>> e = gpd.GeoDataFrame(geometry=[Point(0.5, 0.5), Point(1.5, 0.5), Point(1.6, 0.2)], crs=4326)
    >>> count_events(b, e)
    [1, 2]
    """
    import geopandas as gpd

    counts = [0] * len(boundaries)
    if len(events) == 0 or len(boundaries) == 0:
        return counts
    pts = gpd.GeoDataFrame(geometry=events.geometry.values, crs=boundaries.crs)
    polys = gpd.GeoDataFrame(geometry=boundaries.geometry.values, crs=boundaries.crs)
    joined = gpd.sjoin(pts, polys, how="inner", predicate="intersects")
    first = joined[~joined.index.duplicated(keep="first")]
    for k, n in first["index_right"].value_counts().items():
        counts[int(k)] = int(n)
    return counts


class BoundaryLayer(Layer, SafeMacroElement):
    """Governorate polygons shaded by their event count, with a name/count tooltip.

    Names come from the boundaries file and are set with ``textContent``.

    Parameters
    ----------
    boundaries : GeoDataFrame
        Polygons in EPSG:4326 (see :func:`load_boundaries`).
    counts : list of int
        Events per polygon (see :func:`count_events`).
    name : str, default "Governorates"
    show : bool, default True
    simplify : float, default 0.002
        Simplification tolerance in degrees (about 200 m) to keep the page small.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import box
    >>> b = gpd.GeoDataFrame({"ADM1_EN": ["Idlib"]}, geometry=[box(36, 35, 37, 36)], crs=4326)
    >>> BoundaryLayer(b, [4]).features[0]["properties"]
    {'name': 'Idlib', 'n': 4, 'fill': '#b30000'}
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJSON({{ this.geojson }}, {
  style: function (f) {
    return {color: "#555", weight: 1, opacity: 0.8, fillColor: f.properties.fill,
            fillOpacity: f.properties.n ? 0.35 : 0.05};
  },
  onEachFeature: function (f, layer) {
    var box = document.createElement("div"), b = document.createElement("strong");
    b.textContent = f.properties.name;
    box.appendChild(b);
    box.appendChild(document.createTextNode(": " + f.properties.n + (f.properties.n === 1 ? " event" : " events")));
    layer.bindTooltip(box, {sticky: true});
  }
});
{% endmacro %}
"""
    )

    def __init__(
        self,
        boundaries: Any,
        counts: list[int],
        *,
        name: str = "Governorates",
        show: bool = True,
        simplify: float = 0.002,
    ) -> None:
        import shapely

        super().__init__(name=name, overlay=True, control=False, show=show)
        self._name = "BoundaryLayer"
        if len(counts) != len(boundaries):
            raise MapInputError("one count per boundary polygon is needed")
        col = _name_column(boundaries)
        top = max(counts) if counts else 0
        features = []
        geoms = boundaries.geometry.values
        if simplify:
            geoms = shapely.simplify(geoms, simplify, preserve_topology=True)
        geoms = shapely.set_precision(geoms, 1e-5)
        for k, (geom, n) in enumerate(zip(geoms, counts)):
            label = boundaries.iloc[k][col] if col else None
            label = str(label) if label is not None and label == label else f"Area {k + 1}"
            cls = 0 if n == 0 or top == 0 else 1 + min(4, int(4 * n / top))
            features.append(
                {
                    "type": "Feature",
                    "geometry": shapely.geometry.mapping(geom),
                    "properties": {"name": label, "n": int(n), "fill": _RAMP[cls]},
                }
            )
        self.features = features
        self.geojson = script_json({"type": "FeatureCollection", "features": features})
