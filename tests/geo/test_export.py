"""Exports: GeoJSON (RFC 7946), GeoPackage and CSV read back with GDAL with the same events and names."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from geo.articles import Article
from geo.errors import ExportError, StoreError
from geo.export import (
    ACLED_COLUMNS,
    ACLED_EVENT_TYPES,
    csv_frame,
    default_export_path,
    export_store,
    geojson_text,
    read_events,
    to_feature_collection,
    write_geojson,
    write_gpkg,
)
from geo.frame import events_to_frame
from geo.schema import EVENT_COLUMNS, EVENT_TYPES, Event
from geo.store import STORE_NAME, EventFilter, Store, Versions

pyogrio = pytest.importorskip("pyogrio")

EVENTS = [
    Event("e1", "a1", "russia", "airstrike", "Kafr Zita", "Kafr Zita", 35.37, 36.6, date="2015-10-07",
          date_precision="day", geonameid=170017, admin1="Hama", evidence="Russian jets struck Kafr Zita.",
          source="Wire", reported_by="SOHR", url="https://x.test/a1", title="Strikes", published="2015-10-08"),
    Event("e2", "a1", "isis", "ground_offensive", "Tadmur", "Palmyra", 34.56, 38.28, date=None,
          evidence="ISIS stormed Tadmur.", geo_precision=2, confidence=0.6),
    Event("e3", "a2", "israel", "missile_strike", "Mezzeh", "Mezzeh", 33.5, 36.25, date="2019-01-20",
          date_precision="month", evidence="Missiles hit Mezzeh airport.", target="airport"),
]


@pytest.fixture
def out(tmp_path):
    with Store(tmp_path / STORE_NAME) as s:
        s.upsert_article(Article("a1", "x"), EVENTS[:2], Versions("x", "g"))
        s.upsert_article(Article("a2", "y"), EVENTS[2:], Versions("x", "g"))
    return tmp_path


def _same_events(gdf, events=EVENTS):
    assert sorted(gdf.event_id) == sorted(e.event_id for e in events)
    by_id = {e.event_id: e for e in events}
    for _, row in gdf.iterrows():
        e = by_id[row.event_id]
        assert (round(row.geometry.x, 6), round(row.geometry.y, 6)) == (e.lon, e.lat)
        assert row.actor == e.actor and row.place == e.place and row.evidence == e.evidence


def test_geojson_is_rfc7946(out, tmp_path):
    gdf = read_events(out)
    path = write_geojson(gdf, tmp_path / "x.geojson")
    fc = json.loads(path.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and "crs" not in fc
    assert fc == to_feature_collection(gdf)
    f = next(f for f in fc["features"] if f["properties"]["event_id"] == "e1")
    assert f["geometry"] == {"type": "Point", "coordinates": [36.6, 35.37]}  # longitude first
    assert list(f["properties"]) == list(EVENT_COLUMNS)
    assert f["properties"]["geonameid"] == 170017 and isinstance(f["properties"]["confidence"], float)
    e2 = next(f for f in fc["features"] if f["properties"]["event_id"] == "e2")["properties"]
    assert e2["geonameid"] is None and e2["date"] is None and e2["geo_precision"] == 2


def test_geojson_reads_back_with_gdal(out):
    path = export_store(out, "geojson").path
    gdf = pyogrio.read_dataframe(path)
    assert gdf.crs.to_epsg() == 4326
    assert [c for c in gdf.columns if c != "geometry"] == list(EVENT_COLUMNS)
    _same_events(gdf)


def test_gpkg_export_reads_back_with_gdal(out):
    res = export_store(out, "gpkg")
    assert res.path == out / "events-export.gpkg" and res.events == 3
    assert [tuple(r) for r in pyogrio.list_layers(res.path)] == [("events", "Point")]
    gdf = pyogrio.read_dataframe(res.path, layer="events")
    assert gdf.crs.to_epsg() == 4326
    assert [c for c in gdf.columns if c != "geometry"] == list(EVENT_COLUMNS)
    _same_events(gdf)


def test_the_store_itself_reads_back_with_gdal(out):
    gdf = pyogrio.read_dataframe(out / STORE_NAME, layer="events")
    assert gdf.crs.to_epsg() == 4326
    assert [c for c in gdf.columns if c != "geometry"] == list(EVENT_COLUMNS)
    _same_events(gdf)


def test_empty_exports(tmp_path):
    with Store(tmp_path / STORE_NAME):
        pass
    for fmt in ("geojson", "gpkg", "csv"):
        res = export_store(tmp_path, fmt)
        assert res.events == 0 and res.path.exists()
    assert json.loads((tmp_path / "events-export.geojson").read_text()) == {"type": "FeatureCollection", "features": []}
    assert len(pyogrio.read_dataframe(tmp_path / "events-export.gpkg")) == 0
    assert geojson_text(events_to_frame([])).strip().endswith("]}")


def test_csv_has_lon_lat_and_schema_columns(out):
    path = export_store(out, "csv").path
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert list(rows[0]) == [*EVENT_COLUMNS, "lon", "lat"]
    e1 = next(r for r in rows if r["event_id"] == "e1")
    assert (float(e1["lon"]), float(e1["lat"])) == (36.6, 35.37)
    assert e1["geonameid"] == "170017"
    assert len(rows) == 3


def test_csv_acled_columns(out):
    path = export_store(out, "csv", acled_columns=True).path
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
    assert list(next(iter(rows.values()))) == list(ACLED_COLUMNS)
    for name in ("event_date", "actor1", "sub_event_type", "location", "latitude", "longitude", "geo_precision",
                 "notes", "source"):
        assert name in ACLED_COLUMNS
    e1 = rows["e1"]
    assert (e1["event_date"], e1["year"], e1["time_precision"]) == ("2015-10-07", "2015", "1")
    assert (e1["event_type"], e1["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (e1["actor1"], e1["country"], e1["admin1"], e1["location"]) == ("Russia", "Syria", "Hama", "Kafr Zita")
    assert (float(e1["latitude"]), float(e1["longitude"]), e1["geo_precision"]) == (35.37, 36.6, "1")
    assert (e1["notes"], e1["source"]) == ("Russian jets struck Kafr Zita.", "Wire; SOHR")
    assert rows["e2"]["event_date"] == "" and rows["e2"]["sub_event_type"] == "Armed clash"
    assert rows["e3"]["time_precision"] == "3"


def test_every_event_type_has_an_acled_mapping():
    assert set(ACLED_EVENT_TYPES) == set(EVENT_TYPES)


def test_filters_and_output(out, tmp_path):
    res = export_store(out, "geojson", filters=EventFilter(actors=("russia", "israel"), since=dt.date(2016, 1, 1)),
                       output=tmp_path / "sub" / "f.geojson")
    assert res.events == 1 and res.path == tmp_path / "sub" / "f.geojson"
    assert [f["properties"]["event_id"] for f in json.loads(res.path.read_text())["features"]] == ["e3"]
    assert csv_frame(read_events(out, EventFilter(types=("ground_offensive",)))).event_id.tolist() == ["e2"]


def test_export_errors(out, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export_store(out, "shp")
    with pytest.raises(ExportError, match="csv only"):
        export_store(out, "geojson", acled_columns=True)
    with pytest.raises(ExportError, match="overwrite the store"):
        export_store(out, "gpkg", output=out / STORE_NAME)
    with pytest.raises(ExportError, match="unknown actor"):
        export_store(out, "csv", filters=EventFilter(actors=("nobody",)))
    with pytest.raises(StoreError, match="no store"):
        export_store(tmp_path / "empty", "csv")
    assert default_export_path(out, "csv") == out / "events-export.csv"


def test_failed_gpkg_write_keeps_the_old_file(out, monkeypatch):
    path = export_store(out, "gpkg").path
    before = path.read_bytes()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pyogrio, "write_dataframe", boom)
    with pytest.raises(RuntimeError):
        write_gpkg(read_events(out), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_fast_geojson_text_is_the_same_json_as_json_dumps():
    """geojson_text encodes column by column; it must give exactly json.dumps's JSON, one Feature a line."""
    tricky = ['quote " and \\ backslash', "NUL \x00 inside", "%s and %d", "comma, {brace}", "ﺏﺍﺮﻴﻋ \u2028 line sep", ""]
    events = [
        Event(f"e{i}", "a1", "russia", "airstrike", text, text, 35.0 + i / 7, 36.0 + i / 3, confidence=1,
              geonameid=None if i % 2 else 5, extra={"n%s": i, "nested": {"k": [1, 2]} if i == 1 else None})
        for i, text in enumerate(tricky)
    ]
    gdf = events_to_frame(events)
    text = geojson_text(gdf)
    assert json.loads(text) == to_feature_collection(gdf)
    assert len(text.rstrip("\n").split("\n")) == len(events) + 2
    flat = text.replace("[\n", "[").replace(",\n", ", ").replace("\n]", "]").strip()
    assert flat == json.dumps(to_feature_collection(gdf), ensure_ascii=False)
