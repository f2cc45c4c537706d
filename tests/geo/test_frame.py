"""The events table: columns, types and CRS that every writer relies on."""
from __future__ import annotations

import json

from geo.export import to_feature_collection, write_geojson
from geo.frame import empty_frame, events_to_frame
from geo.schema import EVENT_COLUMNS, Event


def _ev(**kw) -> Event:
    base = dict(event_id="e1", article_id="a1", actor="russia", event_type="airstrike",
                place_as_written="Kafr Zeita", place="Kafr Zita", lat=35.37425, lon=36.6033)
    base.update(kw)
    return Event(**base)


def test_frame_has_schema_columns_and_crs():
    gdf = events_to_frame([_ev(), _ev(event_id="e2", geonameid=168620)])
    assert list(gdf.columns[: len(EVENT_COLUMNS)]) == list(EVENT_COLUMNS)
    assert gdf.crs.to_epsg() == 4326
    assert (gdf.geometry.x.iloc[0], gdf.geometry.y.iloc[0]) == (36.6033, 35.37425)


def test_empty_frame_still_has_columns():
    gdf = empty_frame()
    assert len(gdf) == 0 and "actor" in gdf.columns and gdf.crs.to_epsg() == 4326
    assert to_feature_collection(gdf) == {"type": "FeatureCollection", "features": []}


def test_geojson_types_are_plain_json(tmp_path):
    gdf = events_to_frame([_ev(), _ev(event_id="e2", geonameid=168620, date="2015-10-07", date_precision="day")])
    path = write_geojson(gdf, tmp_path / "events.geojson")
    fc = json.loads(path.read_text(encoding="utf-8"))
    p1, p2 = (f["properties"] for f in fc["features"])
    assert p1["geonameid"] is None and p2["geonameid"] == 168620 and isinstance(p2["geonameid"], int)
    assert p1["date"] is None and p2["date"] == "2015-10-07"
    assert isinstance(p1["geo_precision"], int) and p1["actor_label"] == "Russia"
    assert fc["features"][0]["geometry"]["coordinates"] == [36.6033, 35.37425]
    assert not list(tmp_path.glob(".*tmp*")), "temporary file left behind"


def test_extra_properties_are_kept():
    gdf = events_to_frame([_ev(extra={"published_inferred": True})])
    assert gdf["published_inferred"].iloc[0]
