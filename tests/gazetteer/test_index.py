"""The SQLite place index and the import store."""
from __future__ import annotations

import time

import pytest

from gazetteer.core import Gazetteer
from gazetteer.errors import IndexBuildError
from gazetteer.index import PlaceIndex, open_embedded_index
from gazetteer.place import Place
from gazetteer.sources.curated import CuratedSource
from gazetteer.sources.governorates import GovernorateSource

P = [Place("Kafr Zita", 35.37, 36.60, "SY", "Hama", alternatenames=("Kfar Zeita", "كفر زيتا"), geonameid=1),
     Place("Saraqib", 35.86, 36.80, "SY", "Idlib", geonameid=2)]


def test_build_and_query(tmp_path):
    idx = PlaceIndex.build(tmp_path / "i.sqlite", P)
    assert len(idx) == 2
    assert [h.place.geonameid for h in idx.by_key("kafr zeita")] == [1]
    assert idx.by_key("nothing") == []
    assert idx.counts_by_country() == {"SY": 2}


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexBuildError):
        PlaceIndex(tmp_path / "none.sqlite")


def test_embedded_index_is_built_once_and_rebuilt_when_sources_change(tmp_path):
    class Src:
        name = "t"

        def __init__(self, v):
            self.v = v
            self.calls = 0

        def version(self):
            return self.v

        def places(self):
            self.calls += 1
            yield from P

    s = Src("1")
    a = open_embedded_index(tmp_path, [s])
    b = open_embedded_index(tmp_path, [s])
    assert s.calls == 1 and a.path == b.path
    s2 = Src("2")
    c = open_embedded_index(tmp_path, [s2])
    assert s2.calls == 1 and c.path != a.path
    assert not a.path.exists()  # the stale file was removed
    assert len(list(tmp_path.glob("places-*.sqlite"))) == 1


def test_store_replace_and_remove(tmp_path):
    store = PlaceIndex.open_store(tmp_path / "imported.sqlite")
    assert store.replace_source("import:a", P, "v1") == 2
    assert store.replace_source("import:a", P[:1], "v2") == 1
    assert len(store) == 1 and store.meta["source:import:a"] == "v2"
    v = store.content_version()
    assert store.remove_source("import:a") == 1 and len(store) == 0
    assert store.content_version() != v


def test_cold_start_is_fast(tmp_path):
    idx = open_embedded_index(tmp_path, [GovernorateSource(), CuratedSource()])
    idx.close()
    t = time.perf_counter()
    gz = Gazetteer([open_embedded_index(tmp_path, [GovernorateSource(), CuratedSource()])])
    r = gz.geocode("Eastern Ghouta")
    assert r.matched
    assert time.perf_counter() - t < 2.0  # generous: the bench measures the real figure
