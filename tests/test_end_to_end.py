"""End to end: the CLI on the seed articles writes a SCHEMA.md-conformant GeoJSON and a layered map."""
from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.schema import ACTORS, DATE_PRECISIONS, EVENT_COLUMNS, EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# Syria's bounding box (generous by a few km).
SY_LAT = (32.2, 37.4)
SY_LON = (35.5, 42.5)

TYPES = {
    "event_id": str, "article_id": str, "actor": str, "actor_label": str, "event_type": str,
    "date_precision": str, "place_as_written": str, "place": str, "country_code": str,
    "geo_precision": int, "confidence": (int, float), "evidence": str,
}
NULLABLE = {"target": str, "date": str, "geonameid": int, "admin1": str, "reported_by": str,
            "title": str, "url": str, "source": str, "published": str}


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("seeds-out")
    proc = subprocess.run(
        [sys.executable, "-m", "geo.cli", "build", str(SEEDS), "--out", str(out), "--json"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return out, json.loads(proc.stdout)


def test_summary_json_has_schema_fields(seed_run):
    _, summary = seed_run
    for key in ("articles_seen", "articles_processed", "articles_unchanged", "articles_failed", "events"):
        assert key in summary
    assert summary["articles_seen"] == len(list(SEEDS.glob("*.txt")))
    assert summary["articles_failed"] == []
    assert summary["events"] > 0


def test_geojson_is_rfc7946_with_every_property(seed_run):
    out, summary = seed_run
    fc = json.loads((out / "events.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    assert "crs" not in fc
    assert len(fc["features"]) == summary["events"]
    ids = set()
    for feat in fc["features"]:
        assert feat["type"] == "Feature"
        geom = feat["geometry"]
        assert geom["type"] == "Point"
        lon, lat = geom["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = feat["properties"]
        for key in EVENT_COLUMNS:
            assert key in props, key
        for key, typ in TYPES.items():
            assert isinstance(props[key], typ), (key, props[key])
            assert not (isinstance(props[key], float) and math.isnan(props[key]))
        for key, typ in NULLABLE.items():
            assert props[key] is None or isinstance(props[key], typ), (key, props[key])
        assert props["actor"] in ACTORS
        assert props["actor_label"] == ACTORS[props["actor"]]
        assert props["event_type"] in EVENT_TYPES
        assert props["date_precision"] in DATE_PRECISIONS
        assert props["geo_precision"] in (1, 2, 3)
        assert 0 <= props["confidence"] <= 1
        assert props["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", props["date"])
        assert re.fullmatch(r"[A-Z]{2}", props["country_code"])
        if props["country_code"] == "SY":  # lon/lat order: a swapped point falls outside Syria
            assert SY_LAT[0] <= lat <= SY_LAT[1] and SY_LON[0] <= lon <= SY_LON[1], props["place"]
        assert props["evidence"].strip()
        ids.add(props["event_id"])
    assert len(ids) == len(fc["features"]), "event_id must be unique"


def test_geojson_reads_back_with_gdal(seed_run):
    pyogrio = pytest.importorskip("pyogrio")
    out, summary = seed_run
    gdf = pyogrio.read_dataframe(out / "events.geojson")
    assert len(gdf) == summary["events"]
    assert gdf.crs.to_epsg() == 4326


def test_event_ids_are_stable_across_runs(seed_run, tmp_path):
    out, _ = seed_run
    proc = subprocess.run([sys.executable, "-m", "geo.cli", "build", str(SEEDS), "--out", str(tmp_path), "--quiet"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    first = {f["properties"]["event_id"] for f in json.loads((out / "events.geojson").read_text())["features"]}
    second = {f["properties"]["event_id"] for f in json.loads((tmp_path / "events.geojson").read_text())["features"]}
    assert first == second


def _events(out: Path) -> list[dict]:
    return [f["properties"] | {"lon": f["geometry"]["coordinates"][0], "lat": f["geometry"]["coordinates"][1]}
            for f in json.loads((out / "events.geojson").read_text())["features"]]


def test_seed_events_include_the_issue_examples(seed_run):
    """The spine issue's done-criterion: Russian strikes on Kafr Zita (Hama), ISIS taking Tadmur."""
    out, _ = seed_run
    events = _events(out)
    kafr_zita = [e for e in events if e["actor"] == "russia" and e["event_type"] == "airstrike"
                 and "zita" in e["place_as_written"].lower()]
    assert kafr_zita and all(e["admin1"] == "Hama" for e in kafr_zita)
    assert all(abs(e["lat"] - 35.37) < 0.1 and abs(e["lon"] - 36.60) < 0.1 for e in kafr_zita)
    tadmur = [e for e in events if e["actor"] == "isis" and e["event_type"] == "ground_offensive"
              and e["place_as_written"] == "Tadmir"]
    assert tadmur and tadmur[0]["admin1"] == "Homs"
    assert abs(tadmur[0]["lat"] - 34.56) < 0.1 and abs(tadmur[0]["lon"] - 38.28) < 0.1


def test_map_has_one_layer_per_actor(seed_run):
    out, _ = seed_run
    html = (out / "index.html").read_text(encoding="utf-8")
    actors = {e["actor"] for e in _events(out)}
    assert actors
    for actor in actors:
        assert ACTORS[actor] in html, f"no layer labelled {ACTORS[actor]!r}"
    for actor in set(ACTORS) - actors:
        assert json.dumps(ACTORS[actor]) not in html, f"layer for absent actor {actor}"
