"""The GeoPackage store: layout GDAL reads, atomic article upserts, the writer lock."""
from __future__ import annotations

import datetime as dt
import math
import sqlite3
import struct
import subprocess
import sys
import time

import pytest

from geo.articles import Article
from geo.errors import StoreError, StoreLockedError
from geo.schema import EVENT_COLUMNS, Event
from geo.store import STORE_NAME, EventFilter, Store, StoreLock, Versions, gpkg_point, gpkg_point_xy

V1 = Versions("x1", "g1")


def ev(article_id: str, n: int = 0, *, actor: str = "russia", typ: str = "airstrike", date: str | None = "2015-10-07",
       lat: float = 35.37, lon: float = 36.6, **extra) -> Event:
    return Event(f"{article_id}-{n}", article_id, actor, typ, "Kafr Zita", "Kafr Zita", lat, lon, date=date,
                 date_precision="day" if date else "unknown", geonameid=170017 if n % 2 == 0 else None,
                 admin1="Hama", confidence=0.75, evidence=f"sentence {n}", extra=extra)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / STORE_NAME) as s:
        yield s


def test_new_store_is_a_geopackage_gdal_reads(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / STORE_NAME
    with Store(path) as s:
        s.upsert_article(Article("a1", "t", title="T1"), [ev("a1", 0), ev("a1", 1)], V1)
    layers = {name: gtype for name, gtype in pyogrio.list_layers(path)}
    assert layers == {"events": "Point", "articles": None}
    gdf = pyogrio.read_dataframe(path, layer="events")
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf.columns) == [*EVENT_COLUMNS, "geometry"]
    assert (gdf.geometry.x.tolist(), gdf.geometry.y.tolist()) == ([36.6, 36.6], [35.37, 35.37])
    arts = pyogrio.read_dataframe(path, layer="articles", read_geometry=False)
    assert arts.loc[0, "article_id"] == "a1" and arts.loc[0, "n_events"] == 2
    for col in ("content_hash", "title", "published", "url", "source", "path", "processed_at",
                "extractor_version", "gazetteer_version", "n_events", "error"):
        assert col in arts.columns


def test_geopackage_registration(store):
    c = sqlite3.connect(store.path)
    assert c.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert c.execute("PRAGMA user_version").fetchone()[0] == 10300
    assert {r[0] for r in c.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")} == {-1, 0, 4326}
    assert c.execute("SELECT data_type, srs_id FROM gpkg_contents WHERE table_name='events'").fetchone() == ("features", 4326)
    assert c.execute("SELECT data_type FROM gpkg_contents WHERE table_name='articles'").fetchone() == ("attributes",)
    assert c.execute("SELECT column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns").fetchall() == [
        ("geom", "POINT", 4326, 0, 0)]


def test_geometry_blob_is_standard_gpkg():
    b = gpkg_point(36.6, 35.37)
    assert b[:2] == b"GP" and b[2] == 0 and b[3] == 0x01
    assert struct.unpack("<i", b[4:8])[0] == 4326
    assert b[8] == 1 and struct.unpack("<I", b[9:13])[0] == 1
    assert gpkg_point_xy(b) == (36.6, 35.37)


def test_geometry_blob_with_envelope_and_big_endian_reads():
    # as a GIS might write it after an edit: xy envelope (flags 0b011 = LE + envelope 1), then big-endian WKB
    env = struct.pack("<dddd", 36.6, 36.6, 35.37, 35.37)
    wkb = struct.pack(">BIdd", 0, 1, 36.6, 35.37)
    blob = b"GP\x00\x03" + struct.pack("<i", 4326) + env + wkb
    assert gpkg_point_xy(blob) == (36.6, 35.37)
    empty = b"GP\x00\x11" + struct.pack("<i", 4326) + struct.pack("<BIdd", 1, 1, math.nan, math.nan)
    assert all(math.isnan(v) for v in gpkg_point_xy(empty))


def test_upsert_replaces_an_articles_events(store):
    art = Article("a1", "one")
    store.upsert_article(art, [ev("a1", 0), ev("a1", 1), ev("a1", 2)], V1)
    store.upsert_article(Article("a1", "one, edited"), [ev("a1", 5)], Versions("x2", "g1"))
    gdf = store.events_frame()
    assert gdf.event_id.tolist() == ["a1-5"]
    st = store.article_states()["a1"]
    assert st.n_events == 1 and st.versions == Versions("x2", "g1")
    assert st.content_hash == Article("a1", "one, edited").content_hash
    assert store.integrity_errors() == []


def test_events_frame_matches_events_to_frame(store):
    from geo.frame import events_to_frame

    events = [ev("a1", 0), ev("a1", 1, date=None)]
    store.upsert_article(Article("a1", "x"), events, V1)
    got = store.events_frame()
    want = events_to_frame(events)
    assert list(got.columns) == list(want.columns)
    assert got.crs == want.crs
    assert dict(got.dtypes.astype(str)) == dict(want.dtypes.astype(str))
    assert got.drop(columns="geometry").astype(object).where(got.notna(), None).values.tolist() == \
        want.drop(columns="geometry").astype(object).where(want.notna(), None).values.tolist()
    assert got.geometry.equals(want.geometry)


def test_an_event_that_cannot_be_stored_leaves_the_article_as_it_was(store):
    store.upsert_article(Article("a1", "x"), [ev("a1", 0)], V1)
    bad = ev("a1", 1, lat=math.nan)
    with store.transaction():  # inside a batch: the savepoint undoes only this article
        store.upsert_article(Article("a2", "y"), [ev("a2", 0)], V1)
        with pytest.raises(StoreError, match="no coordinates"):
            store.upsert_article(Article("a1", "x2"), [ev("a1", 9), bad], V1)
    assert sorted(store.events_frame().event_id) == ["a1-0", "a2-0"]
    assert store.article_states()["a1"].content_hash == Article("a1", "x").content_hash
    assert store.integrity_errors() == []


def test_events_must_belong_to_the_article(store):
    with pytest.raises(StoreError, match="belongs to article"):
        store.upsert_article(Article("a1", "x"), [ev("other", 0)], V1)
    assert store.count_articles() == 0


def test_record_failure_keeps_old_events_and_marks_for_retry(store):
    art = Article("a1", "x")
    store.upsert_article(art, [ev("a1", 0)], V1)
    store.record_failure(art, "extraction failed: boom", V1)
    assert store.count_events() == 1
    st = store.article_states()["a1"]
    assert st.error == "extraction failed: boom" and not st.is_current(art.content_hash, V1)
    store.record_failure(Article("new", "y"), "bad", V1)
    assert store.article_states()["new"].n_events == 0


def test_extra_properties_become_typed_columns(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    path = tmp_path / STORE_NAME
    with Store(path) as s:
        s.upsert_article(Article("a1", "x"), [ev("a1", 0, date_inferred=True, n_dead=3)], V1)
        s.upsert_article(Article("a2", "x"), [ev("a2", 0)], V1)
        gdf = s.events_frame()
        assert gdf.loc[gdf.article_id == "a1", "date_inferred"].item() is True
        assert gdf.loc[gdf.article_id == "a2", "date_inferred"].item() is None
        assert "n_dead" in gdf.columns
        assert "date_inferred" not in s.events_frame(EventFilter(actors=("russia",), types=("shelling",))).columns
        with pytest.raises(StoreError, match="cannot be a column"):
            s.upsert_article(Article("a3", "x"), [ev("a3", 0, **{"bad name": 1})], V1)
    info = pyogrio.read_info(path, layer="events")
    assert "date_inferred" in list(info["fields"])
    with Store(path) as s:  # the extra columns are known after reopening
        assert s.events_frame()["n_dead"].dropna().tolist() == [3]


def test_filters(store):
    store.upsert_article(Article("a1", "x"), [
        ev("a1", 0, actor="russia", typ="airstrike", date="2015-10-01"),
        ev("a1", 1, actor="isis", typ="shelling", date="2015-10-05"),
        ev("a1", 2, actor="russia", typ="shelling", date=None),
    ], V1)
    ids = lambda f: sorted(store.events_frame(f).event_id)  # noqa: E731
    assert ids(EventFilter(actors=("russia",))) == ["a1-0", "a1-2"]
    assert ids(EventFilter(types=("shelling",))) == ["a1-1", "a1-2"]
    assert ids(EventFilter(since=dt.date(2015, 10, 2))) == ["a1-1"]
    assert ids(EventFilter(until=dt.date(2015, 10, 1))) == ["a1-0"]
    assert ids(EventFilter(actors=("russia", "isis"), types=("shelling",), since=dt.date(2015, 1, 1))) == ["a1-1"]
    assert store.count_events(EventFilter(actors=("isis",))) == 1


def test_filter_validation():
    from geo.errors import ExportError

    with pytest.raises(ExportError, match="unknown actor"):
        EventFilter(actors=("martians",)).validate()
    with pytest.raises(ExportError, match="unknown event type"):
        EventFilter(types=("picnic",)).validate()
    with pytest.raises(ExportError, match="after"):
        EventFilter(since=dt.date(2016, 1, 1), until=dt.date(2015, 1, 1)).validate()


def test_delete_articles(store):
    for a in ("a1", "a2", "a3"):
        store.upsert_article(Article(a, a), [ev(a, 0), ev(a, 1)], V1)
    assert store.delete_articles(["a1", "a3", "nope"]) == 2
    assert set(store.events_frame().article_id) == {"a2"}
    assert store.integrity_errors() == []


def test_transaction_rolls_back_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.upsert_article(Article("a1", "x"), [ev("a1", 0)], V1)
            raise RuntimeError("boom")
    assert store.count_articles() == 0 and store.count_events() == 0


def test_checkpoint_makes_work_durable(store):
    reader = sqlite3.connect(store.path, timeout=5)
    with store.transaction():
        store.upsert_article(Article("a1", "x"), [ev("a1", 0)], V1)
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        assert store.checkpoint(min_seconds=3600) is False
        assert store.checkpoint() is True
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        store.upsert_article(Article("a2", "x"), [ev("a2", 0)], V1)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_extent_is_recorded(store):
    store.upsert_article(Article("a1", "x"), [ev("a1", 0, lat=35.0, lon=36.0), ev("a1", 1, lat=34.0, lon=38.0)], V1)
    row = store.conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='events'").fetchone()
    assert row == (36.0, 34.0, 38.0, 35.0)


def test_articles_frame(store):
    store.upsert_article(Article("a1", "x", title="T", published="2015-10-07", url="u", source="S", path="/p/a1.txt"),
                         [ev("a1", 0)], V1, unresolved=["Nowhere"])
    df = store.articles()
    row = df.iloc[0]
    assert (row.article_id, row.title, row.published, row.url, row.source, row.path) == \
        ("a1", "T", "2015-10-07", "u", "S", "/p/a1.txt")
    assert (row.extractor_version, row.gazetteer_version, row.n_events, row.unresolved) == ("x1", "g1", 1, ["Nowhere"])
    assert row.processed_at.endswith("Z")


def test_missing_store_without_create(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / STORE_NAME, create=False).open()


def test_not_a_store(tmp_path):
    junk = tmp_path / "junk.gpkg"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(junk).open()
    other = tmp_path / "other.gpkg"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a strikemap store"):
        Store(other).open()


def test_second_writer_gets_a_clear_locked_error(tmp_path):
    path = tmp_path / STORE_NAME
    code = (
        "import sys, time; from geo.store import StoreLock; "
        f"l = StoreLock({str(path)!r}).acquire(); print('locked', flush=True); time.sleep(30)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        t0 = time.monotonic()
        with pytest.raises(StoreLockedError) as info:
            Store(path, lock_timeout=0.2).open()
        assert time.monotonic() - t0 < 5
        assert str(path) + ".lock" in str(info.value)
        assert isinstance(info.value, TimeoutError)
    finally:
        holder.kill()
        holder.wait()
    with Store(path, lock_timeout=5) as s:  # the lock dies with its process
        assert s.count_articles() == 0


def test_readers_need_no_lock(tmp_path):
    path = tmp_path / STORE_NAME
    with Store(path) as writer:
        writer.upsert_article(Article("a1", "x"), [ev("a1", 0)], V1)
        with StoreLock(tmp_path / "unrelated.gpkg"):
            pass
        with Store(path, create=False, lock=False) as reader:
            assert reader.count_events() == 1


# -- the outputs' side tables: cached Feature text and map rows, the change counter ----------


def _mixed_events(store):
    """Events with every kind of value the outputs must encode alike."""
    store.upsert_article(Article("a1", "x"), [ev("a1", 0, date_inferred=True, n_dead=3),
                                              ev("a1", 1, date=None, lat=33.123456789, lon=36.987654321)], V1)
    store.upsert_article(Article("a0", "y"), [
        Event("a0-0", "a0", "isis", "shelling", "Tadmur \"old\" % city", "Palmyra", 34.56, 38.28,
              evidence="«جملة» with \u2028 and </script>", confidence=float("nan"), geonameid=None),
        ev("a0", 1, nested={"k": [1, 2]}),
    ], V1)


def test_event_table_is_exactly_the_frame_as_geojson_and_map_rows(store):
    from geo.export import geojson_text
    from maps.data import encode_events

    _mixed_events(store)
    want = geojson_text(store.events_frame())
    for _ in range(2):  # encoded now, then read from the side table
        table = store.event_table()
        assert table.geojson_text() == want
        assert encode_events(table) == encode_events(store.events_frame())
    assert store.conn.execute("SELECT count(*) FROM strikemap_event_json").fetchone()[0] == 4


def test_hand_edits_drop_the_cached_features_and_count_as_changes(tmp_path):
    from geo.export import geojson_text

    path = tmp_path / STORE_NAME
    with Store(path) as s:
        _mixed_events(s)
        s.event_table()
        before = s.data_version()
    with sqlite3.connect(path) as c:  # as QGIS would: plain SQL on the layer
        c.execute("UPDATE events SET place = 'Edited', geom = ? WHERE event_id = 'a1-0'", (gpkg_point(37.0, 36.0),))
        c.execute("DELETE FROM events WHERE event_id = 'a0-1'")
        c.execute("INSERT INTO events (geom, event_id, article_id, actor, event_type, geo_precision) "
                  "VALUES (?, 'hand-1', 'a1', 'turkey', 'shelling', 1)", (gpkg_point(36.8, 36.5),))
    with Store(path, lock=False) as s:
        assert s.data_version() != before
        text = s.event_table().geojson_text()
        assert text == geojson_text(s.events_frame())
        assert '"place": "Edited"' in text and "hand-1" in text and "a0-1" not in text


def test_a_store_without_the_side_tables_is_read_alike_and_upgraded_by_a_writer(tmp_path):
    from geo.export import geojson_text

    path = tmp_path / STORE_NAME
    with Store(path) as s:
        _mixed_events(s)
        want = geojson_text(s.events_frame())
    with sqlite3.connect(path) as c:  # what a store of the first strikemap holds
        for name in ("strikemap_events_ai", "strikemap_events_au", "strikemap_events_ad"):
            c.execute(f"DROP TRIGGER {name}")
        c.execute("DROP TABLE strikemap_event_json")
        c.execute("DROP TABLE strikemap_files")
        c.execute("DELETE FROM strikemap_meta WHERE key IN ('events_version', 'store_id')")
    with Store(path, lock=False) as s:  # a reader changes nothing
        assert s.data_version() is None and s.file_records() == {}
        assert s.event_table().geojson_text() == want
    with Store(path) as s:  # a writer adds them
        assert s.data_version() is not None
        assert s.event_table().geojson_text() == want
        assert s.conn.execute("SELECT count(*) FROM strikemap_event_json").fetchone()[0] == 4


def test_event_table_filters_as_events_frame(store):
    from geo.export import geojson_text

    _mixed_events(store)
    store.upsert_article(Article("a2", "z"), [ev("a2", 0, actor="turkey", typ="shelling", date="2016-01-02")], V1)
    for f in (EventFilter(actors=("russia",)), EventFilter(types=("shelling",)), EventFilter(since=dt.date(2015, 1, 1)),
              EventFilter(actors=("turkey",), until=dt.date(2016, 1, 2))):
        assert store.event_table(f).geojson_text() == geojson_text(store.events_frame(f)), f
