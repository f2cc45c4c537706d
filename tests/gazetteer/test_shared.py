"""Integration with the reference data in ../shared (skipped when absent, required under CI=true)."""
from __future__ import annotations

import json

import pytest

from gazetteer.admin import governorates
from gazetteer.rank import haversine_km
from gazetteer.sources.geonames_dump import GeonamesDumpSource
from gazetteer.sources.table import TableSource

pytestmark = pytest.mark.shared


def _ring_contains(ring, x, y):
    inside = False
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i][:2], ring[(i + 1) % len(ring)][:2]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def test_governorate_centroids_lie_inside_their_governorate(shared_dir):
    shared = shared_dir
    fc = json.loads((shared / "data/boundaries/syria_adm1_naturalearth10m.geojson").read_text(encoding="utf-8"))
    polys = {f["properties"]["gn_a1_code"]: f["geometry"] for f in fc["features"]}
    for g in governorates():
        geom = polys[f"SY.{g.code}"]
        rings = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        assert any(_ring_contains(p[0], g.lon, g.lat) for p in rings), g.admin1


def test_governorate_ids_agree_with_geonames_admin1_codes(shared_dir):
    shared = shared_dir
    rows = (shared / "data/geonames/admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines()
    ids = {r.split("\t")[0]: int(r.split("\t")[3]) for r in rows if r.startswith("SY.")}
    for g in governorates():
        if g.geonameid is not None:
            assert ids[f"SY.{g.code}"] == g.geonameid, g.admin1


def test_cities500_dump_parses_and_its_spellings_resolve(gz, shared_dir):
    shared = shared_dir
    places = list(GeonamesDumpSource(shared / "data/geonames/cities500_SY.txt").places())
    assert len(places) == 290 and all(p.admin1 for p in places)
    far = [p.name for p in places if not (r := gz.geocode(p.name)).matched or haversine_km(r.lat, r.lon, p.lat, p.lon) > 10]
    assert len(far) <= 3, far


def test_iom_geopackage_reads_as_a_table_and_contexts_give_the_governorate(gz, shared_dir):
    shared = shared_dir
    gpkg = shared / "data/ocha/iom_dtm_hotosm/iom_displacement_return_locations_validated.gpkg"
    places = list(TableSource(gpkg, name_column="location_name", alt_columns=["hot_name", "hot_name_en"]).places())
    assert len(places) > 2000
    assert {p.admin1 for p in places} <= {g.admin1 for g in governorates()}
    sample = places[::25]
    right = sum(gz.geocode(p.name, context=f"in the countryside of {p.admin1}").admin1 == p.admin1 for p in sample)
    assert right / len(sample) >= 0.97
