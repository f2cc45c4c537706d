"""Project conventions that keep the packages light and discoverable."""
from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import pytest

PACKAGES = ("geo", "gazetteer", "maps")
HEAVY = ("folium", "geopandas", "pyogrio", "geopy", "playwright", "trafilatura")


def _modules():
    for pkg in PACKAGES:
        mod = importlib.import_module(pkg)
        yield pkg
        for info in pkgutil.walk_packages(mod.__path__, prefix=pkg + "."):
            if not info.name.endswith("__main__"):
                yield info.name


@pytest.mark.parametrize("name", list(_modules()))
def test_every_module_declares_all(name):
    mod = importlib.import_module(name)
    assert hasattr(mod, "__all__"), f"{name} has no __all__"
    for item in mod.__all__:
        assert hasattr(mod, item), f"{name}.__all__ names missing {item}"


@pytest.mark.parametrize("pkg", ["geo", "gazetteer", "geo.cli"])
def test_import_does_not_load_heavy_packages(pkg):
    code = f"import sys, {pkg}; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"importing {pkg} loads {out}"
