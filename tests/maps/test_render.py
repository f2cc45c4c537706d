"""Fast tests of the map HTML (no browser)."""
from __future__ import annotations

import json
import os
import re

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from hostile import HOSTILE_TEXT, JS_URL, PAYLOADS
from geo.schema import ACTORS
from maps import MapInputError, build_map, render_map
from maps.data import encode_events, script_json
from maps.palette import ACTOR_COLOURS, actor_colour, symbol_svg
from synthetic import synthetic_events


def _payload_of(html: str) -> dict:
    """The EventData JSON embedded in a page."""
    m = re.search(r'<script type="application/json" id="event_data_[0-9a-f]+_json">(.*?)</script>', html, re.S)
    assert m, "EventData payload not found"
    return json.loads(m.group(1))


def test_palette_is_fixed_and_distinct():
    assert set(ACTOR_COLOURS) == set(ACTORS)
    assert len(set(ACTOR_COLOURS.values())) == len(ACTOR_COLOURS)
    assert actor_colour("russia") == "#D55E00"
    with pytest.raises(ValueError):
        symbol_svg("airstrike", "red;background:url(x)")


def test_one_actor_layer_per_actor_with_label(tmp_path, events_small):
    out = tmp_path / "index.html"
    assert render_map(events_small, out) == [out]
    html = out.read_text()
    present = [a for a in ACTORS if a in set(events_small["actor"])]
    assert html.count(".registerActor(") == len(present)
    for a in present:
        assert json.dumps(ACTORS[a])[1:-1] in html
    assert "L.control.groupedLayers(" in html
    assert "chunkedLoading" in html


def test_hostile_values_never_appear_raw(tmp_path, events_hostile):
    out = tmp_path / "index.html"
    render_map(events_hostile, out, title="<b>title</b>", split="actor")
    for path in tmp_path.glob("*.html"):
        html = path.read_text()
        for payload in PAYLOADS.values():
            if "<" in payload:
                assert payload not in html, (path.name, payload)
        assert "<img src=x" not in html
        assert "<script>window.__xss" not in html
        assert "<b>title</b>" not in html
        assert 'href="javascript' not in html.lower()
    # the payloads are in the data, intact, for the browser to show as text
    data = _payload_of(out.read_text())
    assert any(HOSTILE_TEXT in s for s in data["strings"])
    assert JS_URL in data["strings"]


def test_payloads_only_inside_plain_string_literals(events_hostile):
    """Outside "..." / '...' literals, no script of the page carries a payload or a backtick."""
    html = build_map(events_hostile, title=PAYLOADS["template"]).get_root().render()
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert scripts
    for js in scripts:
        code = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', js)
        code = re.sub(r"'(?:[^'\\\n]|\\.)*'", "''", code)
        assert "__xss" not in code
        assert "`" not in code


def test_article_text_is_not_run_as_a_jinja_template(tmp_path, events_hostile):
    """Regression: branca wraps rendered macros in a new jinja Template, so "{{ 7*7 }}" in an
    article became "49" and "{{ cycler.__init__.__globals__.os... }}" ran Python (maps.safe)."""
    out = tmp_path / "index.html"
    render_map(events_hostile, out, title="{{ 6*7 }}", split="actor")
    html = out.read_text()
    assert "{{ 7*7 }}" in html and "{{ cycler.__init__.__globals__.os.getcwd() }}" in html
    assert "{{ 6*7 }}" in html and "42" not in re.findall(r"<title>(.*?)</title>", html)[0]
    data = _payload_of(html)
    assert any("{{ 7*7 }}" in s for s in data["strings"])
    assert not any(os.getcwd() in s for s in data["strings"])


def test_script_json_escapes_html():
    out = str(script_json({"a": "</script><!-- & \u2028"}))
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out)["a"] == "</script><!-- & \u2028"


def test_encode_interns_and_skips_bad_rows():
    gdf = gpd.GeoDataFrame(
        {"actor": ["russia", "russia", None, "turkey"], "event_type": ["airstrike", "raid", None, "odd_type"],
         "date": ["2024-01-02", "2024-01-02T10:00:00", "not a date", "2024-02-30"],
         "title": ["T", "T", "T", "T"], "confidence": [0.812, None, float("nan"), 1]},
        geometry=[Point(36, 35), Point(36.5, 35.5), Point(37, 36), None], crs=4326,
    )
    p = encode_events(gdf)
    assert len(p["cols"]["lat"]) == 3  # the row without geometry is left out
    assert [a[0] for a in p["actors"]] == ["russia", "unknown"]
    assert p["days"] == ["2024-01-02"]
    assert p["cols"]["day"] == [0, 0, -1]
    assert p["strings"].count("T") == 1
    assert p["cols"]["conf"] == [0.81, -1, -1]


def test_empty_events_give_a_valid_map_of_syria(tmp_path):
    empty = gpd.GeoDataFrame({"actor": []}, geometry=[], crs=4326)
    out = tmp_path / "index.html"
    render_map(empty, out)
    html = out.read_text()
    assert ".registerActor(" not in html and "fitBounds" in html and "35.6" in html
    render_map(None, tmp_path / "none.html")


def test_other_crs_is_reprojected(tmp_path):
    gdf = synthetic_events(5).to_crs(3857)
    p = encode_events(gdf.to_crs(4326))
    html = build_map(gdf).get_root().render()
    assert str(p["cols"]["lat"][0]) in html


def test_bad_split_and_input(tmp_path):
    with pytest.raises(MapInputError):
        render_map(synthetic_events(3), tmp_path / "i.html", split="week")
    with pytest.raises(MapInputError):
        render_map([1, 2], tmp_path / "i.html")
    with pytest.raises(ValueError):  # MapInputError is also a ValueError
        render_map(synthetic_events(3), tmp_path / "i.html", source_dir=tmp_path / "missing")


@pytest.mark.parametrize("split", ["actor", "day", "month"])
def test_split_writes_linked_pages(tmp_path, split):
    events = synthetic_events(40, seed=1, days=60, undated_share=0.2)
    out = tmp_path / "index.html"
    paths = render_map(events, out, split=split)
    assert paths[0] == out and len(paths) > 2
    index = out.read_text()
    for p in paths[1:]:
        assert p.parent == tmp_path and p.name.startswith(f"index-{split}-")
        assert f'href=\\"{p.name}\\"' in index or f'href=\\u0022{p.name}' in index or p.name in index
        assert 'index.html' in p.read_text()
    if split != "actor":
        assert any(p.name.endswith("-undated.html") for p in paths)
    total = sum(len(_payload_of(p.read_text())["cols"]["lat"]) for p in paths[1:])
    assert total == len(events)


def test_boundaries_layer_counts_events(tmp_path):
    bounds = gpd.GeoDataFrame(
        {"ADM1_EN": ["West <i>", "East"]}, geometry=[box(35, 32, 38, 38), box(38, 32, 43, 38)], crs=4326
    )
    path = tmp_path / "adm1.geojson"
    bounds.to_file(path, driver="GeoJSON")
    events = gpd.GeoDataFrame({"actor": ["russia"] * 3}, geometry=[Point(36, 35), Point(37, 35), Point(40, 35)],
                              crs=4326)
    out = tmp_path / "index.html"
    render_map(events, out, boundaries=path)
    html = out.read_text()
    assert '"name":"West \\u003ci\\u003e","n":2' in html
    assert '"name":"East","n":1' in html
    assert "Governorates (event counts)" in html


def test_source_dir_links_articles(tmp_path):
    src = tmp_path / "articles" / "sub"
    src.mkdir(parents=True)
    (src / "a000001.txt").write_text("x")
    events = synthetic_events(6)
    events["url"] = None
    out = tmp_path / "out" / "index.html"
    render_map(events, out, source_dir=tmp_path / "articles")
    data = _payload_of(out.read_text())
    assert "../articles/sub/a000001.txt" in data["strings"]
    assert "local" in data["tables"]["art"]["fields"]


def test_inline_assets_single_file(tmp_path, npm_assets):
    out = tmp_path / "index.html"
    render_map(synthetic_events(20), out, inline_assets=True, asset_dir=npm_assets)
    html = out.read_text()
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+stylesheet", html)
    assert "L.Icon.Default.mergeOptions" in html and "data:image/png;base64," in html
    body_scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert all("</script" not in s.lower() for s in body_scripts)
    assert len(html) < 1_500_000


def test_every_asset_url_is_served_locally(tmp_path, npm_assets, events_hostile):
    """The URL table covers every src/href the maps emit (what the browser tests serve)."""
    from maps.assets import local_asset

    out = tmp_path / "index.html"
    bounds = gpd.GeoDataFrame({"name": ["A"]}, geometry=[box(35, 32, 43, 38)], crs=4326)
    bounds.to_file(tmp_path / "b.geojson", driver="GeoJSON")
    render_map(events_hostile, out, boundaries=tmp_path / "b.geojson", split="actor")
    urls = set()
    for p in tmp_path.glob("*.html"):
        urls |= set(re.findall(r'(?:src|href)="(https?://[^"]+)"', p.read_text()))
    assert urls
    for url in urls:
        assert local_asset(url, npm_assets) is not None, url


def test_an_event_table_from_the_store_renders_as_its_frame(tmp_path):
    """What ``update`` passes (events read from the store, no pandas) gives the same payload and pages."""
    from geo.articles import Article
    from geo.schema import Event
    from geo.store import Store, Versions

    with Store(tmp_path / "s.gpkg") as store:
        for k, row in enumerate(synthetic_events(60, seed=5).itertuples()):
            art = f"a{k // 4}"
            events = [Event(f"{art}-{j}", art, row.actor, row.event_type, row.place_as_written, row.place,
                            row.geometry.y + j / 100, row.geometry.x, date=row.date, evidence=f"<b>{row.evidence}</b>",
                            title=row.title, url=row.url, reported_by=row.reported_by) for j in range(k % 4 + 1)]
            store.upsert_article(Article(art, "x"), events, Versions("1", "1"))
        table, frame = store.event_table(), store.events_frame()
    assert len(table) == len(frame) > 0
    assert encode_events(table) == encode_events(frame)
    paths = render_map(table, tmp_path / "index.html", split="actor")
    assert len(paths) > 2 and all(p.exists() for p in paths)
    assert render_map(table, tmp_path / "plain.html") == [tmp_path / "plain.html"]
