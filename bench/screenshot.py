"""Render an ``events.geojson`` as a map and save a screenshot of it (for the README).

Usage::

    .venv/bin/python bench/screenshot.py OUT/events.geojson docs/map.png
    .venv/bin/python bench/screenshot.py OUT/events.geojson docs/map.png --live-tiles --boundaries adm1.geojson

Runs headless Chromium (``bash .ci/setup-browser.sh`` installs it) with the CDN files
served from the npm asset cache. Without ``--live-tiles`` tiles are blank (works
offline); with it tile requests go to the network. The popup of the event with the
longest evidence sentence is opened, so that the picture shows one.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for p in (str(REPO), str(REPO / "tests" / "maps")):
    if p not in sys.path:
        sys.path.insert(0, p)

__all__ = ["screenshot", "main"]


def screenshot(
    events_path: str | Path,
    png_path: str | Path,
    *,
    boundaries: str | Path | None = None,
    title: str = "strikemap",
    size: tuple[int, int] = (1400, 900),
    live_tiles: bool = False,
    popup: bool = True,
) -> Path:
    """Render ``events_path`` (GeoJSON) with :func:`maps.render_map` and write a PNG screenshot.

    Returns the PNG path. Raises ``RuntimeError`` when Chromium or the asset cache is missing.
    """
    import geopandas as gpd
    from playwright.sync_api import sync_playwright

    from browser import browser_unavailable, launch, open_map
    from geo.atomic import atomic_path
    from maps import render_map

    reason = browser_unavailable()
    if reason:
        raise RuntimeError(reason)
    events = gpd.read_file(events_path)
    if events.crs is None:
        events = events.set_crs(4326)
    with tempfile.TemporaryDirectory(prefix="strikemap-shot-") as tmp:
        page_path = Path(tmp) / "index.html"
        render_map(events, page_path, title=title, boundaries=boundaries)
        with sync_playwright() as pw:
            b = launch(pw)
            try:
                mp = open_map(b, page_path, viewport=size, wait_ms=60000)
                if live_tiles:
                    mp.page.context.unroute("**/*")
                    mp.page.reload(wait_until="load")
                    mp.page.wait_for_function(
                        "() => { const m = Object.values(window).find(v => v instanceof L.Map); return m && m._strikemap; }"
                    )
                mp.page.wait_for_function(
                    "() => Object.values(window).find(v => v instanceof L.Map)._strikemap.ready()", timeout=60000
                )
                if popup and len(events):
                    mp.api("""api => new Promise(res => {
                        const C = api.data.cols; let best = 0, len = -1;
                        for (let i = 0; i < C.lat.length; i++) {
                          const ev = api.text(i, 'ev') || ''; if (ev.length > len && ev.length < 260) { best = i; len = ev.length; } }
                        // a free-standing popup, so that the map keeps its overview zoom
                        L.popup({maxWidth: 360, autoPan: true}).setLatLng([C.lat[best], C.lon[best]])
                          .setContent(api.popupFor(best)).openOn(api.map);
                        setTimeout(res, 400); })""")
                    mp.page.wait_for_timeout(600)
                mp.page.wait_for_timeout(800 if live_tiles else 300)
                with atomic_path(png_path) as tmp_png:
                    mp.page.screenshot(path=str(tmp_png.with_suffix(".png")))
                    tmp_png.with_suffix(".png").replace(tmp_png)
            finally:
                b.close()
    return Path(png_path)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``screenshot.py EVENTS.geojson OUT.png``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("events", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--boundaries", type=Path)
    ap.add_argument("--title", default="strikemap")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--live-tiles", action="store_true", help="fetch real tiles from the network")
    ap.add_argument("--no-popup", action="store_true")
    args = ap.parse_args(argv)
    out = screenshot(args.events, args.png, boundaries=args.boundaries, title=args.title,
                     size=(args.width, args.height), live_tiles=args.live_tiles, popup=not args.no_popup)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
