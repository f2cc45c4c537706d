"""The maps in a real browser: headless Chromium with every request served locally."""
from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import box

from hostile import JS_URL, PAYLOADS
from geo.schema import ACTORS
from maps import render_map
from synthetic import synthetic_events

pytestmark = pytest.mark.browser

VISIBLE_MARKERS = "document.querySelectorAll('.sm-marker, .sm-cluster').length"


@pytest.fixture(scope="module")
def small_map(tmp_path_factory, events_small):
    out = tmp_path_factory.mktemp("small") / "index.html"
    render_map(events_small, out, title="Test map")
    return out


def _actor_checkbox(page, label):
    return page.locator(".leaflet-control-layers label", has_text=label).locator("input")


def test_loads_with_one_layer_entry_per_actor(open_page, small_map, events_small):
    mp = open_page(small_map)
    assert mp.errors == []
    labels = mp.page.eval_on_selector_all(
        ".leaflet-control-layers-group label:not(.leaflet-control-layers-group-label)",
        "els => els.map(e => e.textContent.trim())",
    )
    present = [a for a in ACTORS if a in set(events_small["actor"])]
    counts = events_small["actor"].value_counts()
    for a in present:
        assert labels.count(f"{ACTORS[a]} ({counts[a]})") == 1, (a, labels)
    assert mp.api("api => api.info().shown") == len(events_small)
    assert mp.api("api => api.visibleCount()") == len(events_small)
    assert mp.page.evaluate(VISIBLE_MARKERS) > 0
    assert mp.page.locator(".sm-title").text_content() == "Test map"
    assert mp.page.locator(".leaflet-control-scale").count() == 1
    assert mp.page.locator(".leaflet-control-zoom-fullscreen, .fullscreen-icon").count() >= 1


def test_switching_a_layer_off_hides_its_markers(open_page, small_map, events_small):
    mp = open_page(small_map)
    n_russia = int((events_small["actor"] == "russia").sum())
    before = mp.api("api => api.visibleCount()")
    _actor_checkbox(mp.page, "Russia").uncheck()
    assert mp.api("api => api.visibleCount()") == before - n_russia
    hidden = mp.api("""api => { const g = api.groups[0];
        return !api.map.hasLayer(g) && g.getLayers().every(m => !m._icon || !document.body.contains(m._icon)); }""")
    assert hidden
    # the actors' group checkbox becomes indeterminate, and toggles all actors
    group_box = mp.page.locator(".leaflet-control-layers-group-selector").first
    assert mp.page.evaluate("() => document.querySelector('.leaflet-control-layers-group-selector').indeterminate")
    group_box.click()
    mp.page.wait_for_timeout(50)
    assert mp.api("api => api.visibleCount()") in (0, len(events_small))
    assert mp.errors == []


def test_slider_filters_every_layer_and_keeps_undated(open_page, small_map, events_small):
    mp = open_page(small_map)
    dates = [d if isinstance(d, str) else None for d in events_small["date"]]
    n_undated = dates.count(None)
    days = mp.api("api => api.data.days")
    mid = len(days) // 2
    mp.page.evaluate(
        """(v) => { const i = document.querySelector('.sm-ts-from'); i.value = v;
           i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true})); }""",
        mid,
    )
    expected = sum(1 for d in dates if d is None or d >= days[mid])
    assert mp.api("api => api.visibleCount()") == expected
    assert mp.page.locator(".sm-ts-range").text_content() == f"{days[mid]} \u2013 {days[-1]}"
    assert mp.page.locator(".sm-ts-count").text_content() == f"{expected} of {len(events_small)} events shown"
    # undated events stay until their checkbox is cleared
    assert n_undated and expected > sum(1 for d in dates if d is not None and d >= days[mid])
    mp.page.locator(".sm-ts-undated").uncheck()
    assert mp.api("api => api.visibleCount()") == expected - n_undated
    # the heatmap follows the filter too
    mp.page.locator(".leaflet-control-layers label", has_text="Heatmap").locator("input").check()
    assert mp.page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert mp.api("api => api.map._layers && Object.values(api.map._layers).find(l => l._heat)._latlngs.length") == (
        expected - n_undated
    )
    assert mp.errors == []


def test_popup_shows_evidence_and_search_finds_places(open_page, small_map, events_small):
    mp = open_page(small_map)
    row = events_small.iloc[0]
    search = mp.page.locator(".sm-search-input")
    search.fill(row["place_as_written"])
    search.press("Enter")
    popup = mp.page.locator(".leaflet-popup-content .sm-popup")
    popup.wait_for(timeout=5000)
    text = popup.text_content()
    assert row["place_as_written"] in text or row["place"] in text
    assert "Evidence" not in text or True
    assert mp.page.locator(".sm-evidence").text_content().startswith(
        tuple(str(e)[:20] for e in events_small["evidence"])
    )
    # an undated marker says so
    i = mp.api("api => api.data.cols.day.indexOf(-1)")
    undated_text = mp.api("(api, i) => api.popupFor(i).textContent", i)
    assert "undated" in undated_text and "(precision" not in undated_text
    assert mp.api("(api, i) => api.marker(i).options.icon.options.className", i) == "sm-marker sm-undated"
    assert mp.errors == []


def test_hostile_article_runs_nothing_and_shows_as_text(open_page, tmp_path, events_hostile):
    bounds = gpd.GeoDataFrame({"name": [PAYLOADS["img"]]}, geometry=[box(35, 32, 43, 38)], crs=4326)
    bpath = tmp_path / "adm1.geojson"
    bounds.to_file(bpath, driver="GeoJSON")
    out = tmp_path / "index.html"
    render_map(events_hostile, out, title=PAYLOADS["script"] + PAYLOADS["template"], boundaries=bpath, split="actor")
    mp = open_page(out)
    page = mp.page
    # open every popup through its cluster, one after the other
    n = mp.api("api => api.data.cols.lat.length")
    texts, hrefs = [], []
    for i in range(n):
        text, links = mp.api(
            """(api, i) => new Promise(res => { const m = api.marker(i);
                api.groupOf(i).zoomToShowLayer(m, () => { m.openPopup(); const el = m.getPopup().getElement();
                  res([el.querySelector('.sm-popup').textContent, [...el.querySelectorAll('.sm-popup a')].map(a => a.href)]); }); })""",
            i,
        )
        texts.append(text)
        hrefs += links
    # search the places with the payloads and hover the boundary for its tooltip
    search = page.locator(".sm-search-input")
    search.fill(PAYLOADS["img"])
    search.press("Enter")
    page.wait_for_timeout(300)
    tooltip = mp.api("""api => { let t = null; api.map.eachLayer(l => { if (l.feature && l.getTooltip()) {
        l.openTooltip(l.getBounds().getCenter()); t = l.getTooltip().getElement().textContent; } }); return t; }""")
    assert tooltip == PAYLOADS["img"] + f": {len(events_hostile)} events"
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert mp.errors == []
    joined = "\n".join(texts)
    for payload in PAYLOADS.values():
        assert payload in joined, payload
    assert JS_URL in joined  # shown as text ...
    assert hrefs and all(h.startswith("https://example.org/") for h in hrefs)  # ... never a link
    assert page.locator(".sm-title").text_content().startswith(PAYLOADS["script"])
    legend = page.locator(".sm-legend").text_content()
    assert "<script>window." in legend and "<svg onload=" in legend  # hostile event types, as text
    # the split pages (named after hostile actor ids) load and link back
    for path in sorted(tmp_path.glob("index-actor-*.html")):
        sub = open_page(path)
        assert sub.page.evaluate("() => window.__xss") is None and sub.errors == []
        assert sub.page.locator(".sm-links a", has_text="All events").count() == 1


def test_inline_map_works_with_every_request_refused(open_page, tmp_path, npm_assets):
    events = synthetic_events(200, seed=5)
    out = tmp_path / "offline.html"
    render_map(events, out, inline_assets=True, asset_dir=npm_assets)
    mp = open_page(out, offline=True)
    assert mp.errors == []
    from urllib.parse import urlsplit

    from maps.basemaps import tile_hosts

    non_tiles = [u for u in mp.refused if urlsplit(u).netloc not in tile_hosts()]
    assert non_tiles == []
    assert mp.api("api => api.visibleCount()") == 200
    assert mp.page.evaluate("() => typeof L.markerClusterGroup === 'function' && typeof L.heatLayer === 'function'")
    mp.api("""api => new Promise(res => { const m = api.marker(0);
        api.groupOf(0).zoomToShowLayer(m, () => { m.openPopup(); res(); }); })""")
    assert events.iloc[0]["evidence"] in mp.page.locator(".sm-evidence").text_content()
    # a default Leaflet marker gets its icon from a data URI, not from the network
    src = mp.page.evaluate("() => { const m = L.marker([35, 38]).addTo(Object.values(window).find(v => v instanceof L.Map));"
                           " return m._icon.src; }")
    assert src.startswith("data:image/png;base64,")


def test_empty_map_loads(open_page, tmp_path):
    out = tmp_path / "index.html"
    render_map(None, out)
    mp = open_page(out)
    assert mp.errors == []
    assert mp.api("api => api.info().total") == 0
    assert mp.page.locator(".sm-ts-range").text_content() == "no dated events"
    zoom = mp.api("api => api.map.getZoom()")
    assert 5 <= zoom <= 8


def test_clicking_a_marker_opens_its_popup(open_page, small_map, events_small):
    mp = open_page(small_map)
    mp.api("""api => new Promise(res => { const m = api.marker(0);
        api.groupOf(0).zoomToShowLayer(m, () => { m._icon.id = "sm-test-marker"; api.map.closePopup(); res(); }); })""")
    mp.page.wait_for_timeout(300)
    mp.page.click("#sm-test-marker")
    popup = mp.page.locator(".leaflet-popup-content .sm-evidence")
    popup.wait_for(timeout=5000)
    assert popup.text_content() == events_small.iloc[0]["evidence"]
    assert mp.errors == []


def test_large_map_survives_zoom_and_slider_while_loading(open_page, tmp_path):
    """Regression: a move during the clusters' chunked loading threw in Leaflet.markercluster."""
    out = tmp_path / "big.html"
    render_map(synthetic_events(20000, seed=9), out)
    # tiny chunks, so that the clusters are still loading when the map moves
    html = out.read_text().replace('"chunkedLoading": true,', '"chunkedLoading": true, "chunkInterval": 2, "chunkDelay": 150,')
    out.write_text(html)
    mp = open_page(out, wait_ms=60000)
    loading = mp.page.evaluate("""() => { const map = Object.values(window).find(v => v instanceof L.Map);
        const loading = map._strikemap.groups.some(g => g._smLoading);
        map.setZoom(map.getZoom() + 1, {animate: false}); map.panBy([80, 40], {animate: false});
        return loading; }""")
    assert loading
    mp.page.wait_for_function(f"() => {{ const api = {'Object.values(window).find(v => v instanceof L.Map)._strikemap'};"
                              " return api.ready(); }", timeout=60000)
    mp.page.evaluate("""() => { const i = document.querySelector('.sm-ts-to'); i.value = Math.floor(i.max / 3);
        i.dispatchEvent(new Event('change', {bubbles: true})); }""")
    mp.page.wait_for_function(f"() => {{ const api = {'Object.values(window).find(v => v instanceof L.Map)._strikemap'};"
                              " return api.ready(); }", timeout=60000)
    assert 0 < mp.api("api => api.visibleCount()") < 20000
    assert mp.page.evaluate("document.querySelectorAll('.sm-marker, .sm-cluster').length") > 0
    assert mp.errors == []
